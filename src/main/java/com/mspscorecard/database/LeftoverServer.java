package com.mspscorecard.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What an application that did not stop cleanly leaves in its data directory: a server still
 * running (the JVM was killed, the server was not) or a {@code postmaster.pid} whose process is
 * gone. Either stops the next server from starting, so the next start clears it away first.
 */
final class LeftoverServer {

    private static final Log log = LogFactory.getLog(LeftoverServer.class);

    private LeftoverServer() {
    }

    /**
     * Holding the directory's lock means no other copy of the application uses it, so a server
     * still running there was left behind by one that crashed, and a {@code postmaster.pid}
     * without its process is stale. Either would stop the server from starting.
     */
    static void clearAway(Path pgdata, PostgresCommands commands) throws IOException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = postmaster(pidFile);
        if (postmaster.isPresent()) {
            log.warn("Stopping an embedded PostgreSQL left running by an earlier run (PID "
                    + postmaster.get().pid() + ")");
            PostgresCommands.Result stop = commands.run("pg_ctl", "stop", "-D", pgdata.toString(), "-m", "fast",
                    "-w", "-t", "30");
            if (!stop.succeeded()) {
                postmaster.get().destroyForcibly();
            }
            awaitExit(postmaster.get());
        }
        if (Files.deleteIfExists(pidFile)) {
            log.warn("Removed the stale postmaster.pid of an earlier run that did not stop cleanly; "
                    + "PostgreSQL recovers the data from its write-ahead log");
        }
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
        catch (ExecutionException | TimeoutException e) {
            log.warn("PID " + process.pid() + " has not exited yet");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The process named in postmaster.pid, if it is alive and is a PostgreSQL server (PIDs get reused). */
    private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.contains("postgres"))
                        .orElse(false));
    }

}
