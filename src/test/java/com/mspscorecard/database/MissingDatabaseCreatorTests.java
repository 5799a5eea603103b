package com.mspscorecard.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.mspscorecard.TestDatabase;

/** The application creates its database when the server has none of that name. */
class MissingDatabaseCreatorTests {

    @Test
    void createsAMissingDatabaseOnceAndLeavesAnExistingOneAlone() throws Exception {
        TestDatabase server = TestDatabase.get();
        String name = "scorecard_boot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String url = TestDatabase.withDatabase(server.url(), name);
        try {
            assertThat(MissingDatabaseCreator.createIfMissing(url, server.username(), server.password())).isTrue();
            try (Connection c = DriverManager.getConnection(url, server.username(), server.password())) {
                assertThat(c.isValid(2)).isTrue();
            }
            assertThat(MissingDatabaseCreator.createIfMissing(url, server.username(), server.password())).isFalse();
        }
        finally {
            try (Connection c = server.connect(); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            }
        }
    }

    @Test
    void leavesAnUnreachableServerToTheNormalStartUpError() {
        assertThat(MissingDatabaseCreator.createIfMissing("jdbc:postgresql://127.0.0.1:1/scorecard", "postgres",
                "postgres")).isFalse();
    }
}
