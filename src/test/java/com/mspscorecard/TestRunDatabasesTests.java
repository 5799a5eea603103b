package com.mspscorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The test run touches only databases it created: a test context that starts the application on a
 * database of its own never creates the database its environment names on a server.
 */
class TestRunDatabasesTests {

    @Test
    void aContextWithADatabaseOfItsOwnCreatesNoneOnTheServer() throws Exception {
        TestDatabase server = TestDatabase.get();
        String name = "scorecard_not_ours_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try {
            new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
                    .properties(TestDatabaseEnvironment.OWN_DATABASE + "=true",
                            "spring.datasource.url=" + TestDatabase.withDatabase(server.url(), name),
                            "spring.datasource.username=" + server.username(),
                            "spring.datasource.password=" + server.password())
                    .run().close();
            assertThat(databases(server, name)).as("database %s on the server", name).isZero();
        }
        finally {
            try (Connection c = server.connect(); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            }
        }
    }

    private static int databases(TestDatabase server, String name) {
        return new JdbcTemplate(new DriverManagerDataSource(server.url(), server.username(), server.password()))
                .queryForObject("select count(*) from pg_database where datname = ?", Integer.class, name);
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
