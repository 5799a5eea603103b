package com.mspscorecard.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Starts, queries and stops an embedded PostgreSQL in the directory given as the argument, in
 * a JVM of its own: {@link NonRootEmbeddedTests} runs it as an ordinary user, which takes the
 * path without {@code runuser}. Prints one line with who the server runs as.
 */
final class NonRootStart {

    private NonRootStart() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.start(EmbeddedPostgres.Settings.in(Path.of(args[0]))
                .withPort(0, false));
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select pg_catalog.pg_get_userbyid(datdba) is not null, "
                        + "(select usename from pg_stat_activity where backend_type = 'checkpointer') is null "
                        + "from pg_database where datname = 'scorecard'")) {
            rows.next();
            System.out.println("started as " + System.getProperty("user.name") + ", database scorecard: "
                    + rows.getBoolean(1));
        }
        finally {
            server.stop();
        }
        System.out.println("stopped: " + !server.isRunning());
    }
}
