package com.mspscorecard;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every Spring test context at {@link TestDatabase}; registered in the tests'
 * {@code META-INF/spring.factories} so no test class has to remember it.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // A context that must start from an empty database asks for one of its own.
        boolean fresh = context.getEnvironment().getProperty("scorecard.test.fresh-database", Boolean.class, false);
        TestDatabase db = fresh ? TestDatabase.get().fresh() : TestDatabase.get();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("scorecardTestDatabase", Map.of(
                "spring.datasource.url", db.url(),
                "spring.datasource.username", db.username(),
                "spring.datasource.password", db.password(),
                "spring.test.database.replace", "none",
                "scorecard.database.create-if-missing", "false",
                // Cached contexts stay open for the whole run, each with a pool that stayed full
                // (10 connections); on a server shared by several runs that reached max_connections.
                // Idle connections now close after 10 s, down to one per context; the maximum stays.
                "spring.datasource.hikari.minimum-idle", "1",
                "spring.datasource.hikari.idle-timeout", "10000")));
    }
}
