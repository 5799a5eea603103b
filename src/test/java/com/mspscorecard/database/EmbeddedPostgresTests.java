package com.mspscorecard.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL for real, even on machines where a server exists: the application's
 * migrations run on it, its data survives restarts and crashes, and the faults a person meets
 * (a directory of someone else's, a full disk, a second copy) say what is wrong. As root (CI,
 * containers) every start here also exercises running the server as the unprivileged user.
 */
class EmbeddedPostgresTests {

    @TempDir
    Path temp;

    @BeforeEach
    void letTheServerUserIn() throws Exception {
        // JUnit's directory is closed to others; as root, the server's user must pass through it.
        PostgresBinaries.setPermissions(temp, 0711);
    }

    @AfterEach
    void leaveNoServerRunning() throws Exception {
        // A failed assertion must not leave a server behind on a directory JUnit is about to delete.
        try (var pidFiles = Files.find(temp, 4, (path, attributes) -> path.endsWith("postmaster.pid"))) {
            for (Path pidFile : pidFiles.toList()) {
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void runsTheMigrationsAndKeepsItsDataAcrossRestartsAndCrashes() throws Exception {
        Path directory = temp.resolve("data");
        EmbeddedPostgres.Settings settings = EmbeddedPostgres.Settings.in(directory).withPort(0, false);

        EmbeddedPostgres first = EmbeddedPostgres.start(settings);
        try {
            Flyway.configure().dataSource(first.jdbcUrl(), first.username(), first.password())
                    .locations("classpath:db/migration").load().migrate();
            execute(first, "create table survival (note text)", "insert into survival values ('kept')");
            assertThat(Files.readString(directory.resolve("password")).strip()).isEqualTo(first.password());
        }
        finally {
            first.stop();
        }
        assertThat(Files.exists(directory.resolve("pgdata/postmaster.pid"))).as("stopped cleanly").isFalse();

        // The application crashed: its lock is gone, its server still runs.
        EmbeddedPostgres second = EmbeddedPostgres.start(settings);
        assertThat(query(second, "select note from survival")).isEqualTo("kept");
        assertThat(query(second, "select count(*) from flyway_schema_history where success")).isNotEqualTo("0");
        ProcessHandle orphan = postmaster(directory);
        second.abandon();

        EmbeddedPostgres third = EmbeddedPostgres.start(settings);
        try {
            assertThat(orphan.onExit().get(10, TimeUnit.SECONDS).isAlive()).as("the orphaned server was stopped")
                    .isFalse();
            assertThat(query(third, "select note from survival")).isEqualTo("kept");
            // Now the server itself dies, leaving a stale postmaster.pid behind.
            postmaster(directory).destroyForcibly();
            postmaster(directory).onExit().join();
        }
        finally {
            third.abandon();
        }
        assertThat(Files.exists(directory.resolve("pgdata/postmaster.pid"))).isTrue();

        EmbeddedPostgres fourth = EmbeddedPostgres.start(settings);
        try {
            assertThat(query(fourth, "select note from survival")).isEqualTo("kept");
            assertThat(fourth.isRunning()).isTrue();
        }
        finally {
            fourth.stop();
        }
        assertThat(fourth.isRunning()).isFalse();
    }

    @Test
    void refusesASecondCopyOnTheSameDirectory() {
        Path directory = temp.resolve("shared");
        EmbeddedPostgres first = EmbeddedPostgres.start(EmbeddedPostgres.Settings.in(directory).withPort(0, false));
        try {
            assertThatThrownBy(() -> EmbeddedPostgres.start(EmbeddedPostgres.Settings.in(directory).withPort(0, false)))
                    .isInstanceOf(DatabaseStartupException.class)
                    .hasMessageContaining("in use by another running copy");
        }
        finally {
            first.stop();
        }
    }

    @Test
    void refusesADirectoryThatBelongsToAnotherUser() throws Exception {
        assumeTrue(EmbeddedPostgres.runningAsRoot(), "only root can give a directory to another user");
        Path directory = Files.createDirectories(temp.resolve("someone-else"));
        Files.writeString(directory.resolve("their-file"), "x");
        Files.setOwner(directory, directory.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName("nobody"));

        assertThatThrownBy(() -> EmbeddedPostgres.start(EmbeddedPostgres.Settings.in(directory)))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessageContaining("belongs to the user 'nobody'")
                .hasMessageContaining("PostgreSQL runs as 'scorecard'")
                .satisfies(e -> assertThat(((DatabaseStartupException) e).action())
                        .contains("SCORECARD_EMBEDDED_DATA_DIR"));
    }

    @Test
    void saysSoWhenTheDiskIsFull() {
        assertThatThrownBy(() -> DataDirectory.checkFreeSpace(temp, Long.MAX_VALUE))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessageContaining("MB are free on the disk holding " + temp)
                .satisfies(e -> assertThat(((DatabaseStartupException) e).action()).contains("Free some space"));
    }

    @Test
    void picksTheCauseOutOfPostgresOutput() {
        assertThat(EmbeddedPostgres.problem("""
                waiting for server to start....
                2026-11-29 12:00:00 UTC [1] FATAL:  could not write lock file "postmaster.pid": No space left on device
                stopped waiting
                """)).startsWith("2026-11-29 12:00:00 UTC [1] FATAL:  could not write lock file");
        assertThat(EmbeddedPostgres.problem("one\nlast words\n")).isEqualTo("last words");
    }

    private static ProcessHandle postmaster(Path directory) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(directory.resolve("pgdata/postmaster.pid")).get(0).strip());
        return ProcessHandle.of(pid).orElseThrow();
    }

    private static void execute(EmbeddedPostgres server, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String query(EmbeddedPostgres server, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
