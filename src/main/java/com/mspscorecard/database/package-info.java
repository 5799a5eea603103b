/**
 * Which PostgreSQL the application uses, decided at start-up before anything connects: the
 * configured server ({@code spring.datasource.url}), else a server on {@code localhost:5432},
 * else an {@link com.mspscorecard.database.EmbeddedPostgres} whose data stays in one directory.
 * Also creates a configured database that does not exist yet, and turns "cannot reach the
 * database" into one readable start-up error instead of a stack trace.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package com.mspscorecard.database;
