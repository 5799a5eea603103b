package com.mspscorecard.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs PostgreSQL's own programs, as the current user or, when the application runs as root
 * (which PostgreSQL refuses), as an unprivileged user through {@code runuser} or {@code setpriv}.
 */
final class PostgresCommands {

    /** What a finished program printed and returned. */
    record Result(int exitCode, String output) {

        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private final Path binaries;

    /** The user the server runs as, or null to run as the current user. */
    private final String runAs;

    private final List<String> switchUser;

    PostgresCommands(Path binaries, String runAs, List<String> switchUser) {
        this.binaries = binaries;
        this.runAs = runAs;
        this.switchUser = List.copyOf(switchUser);
    }

    /** For the current user. */
    static PostgresCommands asCurrentUser(Path binaries) {
        return new PostgresCommands(binaries, null, List.of());
    }

    /**
     * For another user: {@code runuser -u user --} where it exists (util-linux on most
     * distributions), else {@code setpriv}, which needs the numeric ids.
     */
    static PostgresCommands asUser(Path binaries, String user) {
        if (isExecutable("/usr/sbin/runuser") || isExecutable("/sbin/runuser") || onPath("runuser")) {
            return new PostgresCommands(binaries, user, List.of("runuser", "-u", user, "--"));
        }
        if (isExecutable("/usr/bin/setpriv") || onPath("setpriv")) {
            String uid = run(List.of("id", "-u", user)).output().strip();
            String gid = run(List.of("id", "-g", user)).output().strip();
            return new PostgresCommands(binaries, user,
                    List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
        }
        throw new DatabaseStartupException("PostgreSQL refuses to run as root, and neither runuser nor setpriv "
                + "is installed to run it as the user '" + user + "'.",
                "Run the application as an ordinary user, install util-linux, or set SPRING_DATASOURCE_URL.");
    }

    String runAs() {
        return runAs;
    }

    /** The full command line for one of PostgreSQL's programs, with the user switch in front. */
    List<String> command(String program, String... arguments) {
        List<String> command = new ArrayList<>(switchUser);
        command.add(binaries.resolve("bin").resolve(program + (PostgresBinaries.isWindows() ? ".exe" : ""))
                .toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /** A plain command (not one of PostgreSQL's programs) as the server's user, e.g. a test of access. */
    List<String> asServerUser(String... command) {
        List<String> full = new ArrayList<>(switchUser);
        full.addAll(List.of(command));
        return full;
    }

    Result run(String program, String... arguments) {
        return run(command(program, arguments));
    }

    static Result run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Messages in English whatever the machine's locale, and no PG* settings leaking in.
        builder.environment().put("LC_ALL", "C");
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        // The server's user may not enter the application's working directory (/root, say).
        builder.directory(Path.of("/").toFile());
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static boolean isExecutable(String path) {
        return Files.isExecutable(Path.of(path));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
