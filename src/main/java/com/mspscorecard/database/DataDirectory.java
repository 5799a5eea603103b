package com.mspscorecard.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;

/**
 * The one directory of an embedded database, claimed by one running application at a time:
 * <pre>
 * pgdata/        the cluster (PGDATA)
 * password       the generated password of the user postgres
 * postgres.log   the server's log of the current run (postgres.log.1: the one before)
 * .lock          held while an application uses the directory
 * </pre>
 * PostgreSQL insists on owning its data, so the directory belongs to the user the server runs
 * as; the checks here say what is wrong before initdb or the server fail less clearly.
 */
final class DataDirectory {

    private final Path path;

    /** The user the server runs as when it is not the current one; null otherwise. */
    private final String runAs;

    private final FileChannel lockChannel;

    private DataDirectory(Path path, String runAs, FileChannel lockChannel) {
        this.path = path;
        this.runAs = runAs;
        this.lockChannel = lockChannel;
    }

    /** Creates the directory if needed, checks its owner, and takes its lock. */
    static DataDirectory claim(Path path, String runAs) {
        prepare(path, runAs);
        try {
            FileChannel channel = FileChannel.open(path.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            if (tryLock(channel) == null) {
                channel.close();
                throw new DatabaseStartupException("The embedded database in " + path
                        + " is in use by another running copy of the application.",
                        "Stop the other copy, or give this one its own directory with SCORECARD_EMBEDDED_DATA_DIR.");
            }
            // The lock lives as long as the channel: the OS drops it when the JVM dies, however it dies.
            return new DataDirectory(path, runAs, channel);
        }
        catch (IOException e) {
            throw new DatabaseStartupException("Cannot lock the embedded database directory " + path + ": "
                    + reason(e), "Check the directory's owner and permissions.", e);
        }
    }

    Path path() {
        return path;
    }

    Path pgdata() {
        return path.resolve("pgdata");
    }

    Path passwordFile() {
        return path.resolve("password");
    }

    Path logFile() {
        return path.resolve("postgres.log");
    }

    /** Lets another application claim the directory; idempotent. */
    void release() {
        try {
            lockChannel.close();
        }
        catch (IOException e) {
            // Closing a lock file cannot lose data; the OS releases the lock with the process anyway.
        }
    }

    /** A file the application wrote that the server must read or write. */
    void giveToServerUser(Path file) throws IOException {
        giveTo(file, runAs);
    }

    /** The server's user must reach the directory: a parent such as /root is closed to it. */
    void checkReachableBy(PostgresCommands commands) {
        Path directory = path;
        if (commands.runAs() == null) {
            return;
        }
        List<String> test = commands.asServerUser("test", "-w", directory.toString(), "-a", "-x",
                directory.toString());
        if (!PostgresCommands.run(test).succeeded()) {
            throw new DatabaseStartupException("PostgreSQL runs as the user '" + commands.runAs()
                    + "', which cannot reach " + directory + " (a parent directory such as /root is closed to it).",
                    "Choose a directory outside /root with SCORECARD_EMBEDDED_DATA_DIR, e.g. /var/lib/msp-scorecard.");
        }
    }

    static void checkFreeSpace(Path directory, long minimum) throws IOException {
        long free = Files.getFileStore(directory).getUsableSpace();
        if (free < minimum) {
            throw new DatabaseStartupException("Only " + free / (1024 * 1024) + " MB are free on the disk holding "
                    + directory + "; the embedded PostgreSQL needs at least " + minimum / (1024 * 1024) + " MB.",
                    "Free some space, or choose a directory on another disk with SCORECARD_EMBEDDED_DATA_DIR.");
        }
    }

    private static void prepare(Path directory, String runAs) {
        try {
            if (!Files.exists(directory)) {
                Files.createDirectories(directory);
                giveTo(directory, runAs);
            }
            else if (!Files.isDirectory(directory)) {
                throw new DatabaseStartupException("The embedded database path " + directory + " is not a directory.",
                        "Point SCORECARD_EMBEDDED_DATA_DIR at a directory.");
            }
            if (PostgresBinaries.isWindows()) {
                return; // Owners there are ACLs, and pg_ctl drops administrator rights itself.
            }
            // PostgreSQL insists on owning its data; say so now rather than let initdb or the server fail.
            UserPrincipal owner = runAs != null ? principal(directory, runAs) : currentUser();
            UserPrincipal actual = Files.getOwner(directory);
            if (!actual.equals(owner)) {
                if (runAs != null && actual.getName().equals("root") && isEmpty(directory)) {
                    // A directory root has just made for us, e.g. a fresh temporary one.
                    giveTo(directory, runAs);
                }
                else {
                    String name = owner.getName();
                    throw new DatabaseStartupException("The embedded database directory " + directory
                            + " belongs to the user '" + actual.getName() + "', but PostgreSQL runs as '" + name
                            + "'.", "Choose another directory with SCORECARD_EMBEDDED_DATA_DIR, or give this one to '"
                                    + name + "' (chown -R " + name + " " + directory + ").");
                }
            }
            PostgresBinaries.setPermissions(directory, 0700);
        }
        catch (IOException e) {
            throw new DatabaseStartupException("Cannot create the embedded database directory " + directory + ": "
                    + reason(e), "Choose a writable directory with SCORECARD_EMBEDDED_DATA_DIR.", e);
        }
    }

    private static UserPrincipal principal(Path path, String user) throws IOException {
        return path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
    }

    /**
     * The owner of a file this process creates: unlike {@code user.name}, also right for a
     * container's arbitrary user id that has no name.
     */
    private static UserPrincipal currentUser() throws IOException {
        Path probe = Files.createTempFile("msp-scorecard-owner", ".probe");
        try {
            return Files.getOwner(probe);
        }
        finally {
            Files.deleteIfExists(probe);
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void giveTo(Path path, String user) throws IOException {
        if (user != null) {
            Files.setOwner(path, principal(path, user));
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        }
        catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** Java names only the path in some I/O exceptions; say what happened to it. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied on " + e.getMessage();
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + " (" + fs.getFile() + ")";
        }
        return e.getMessage();
    }

}
