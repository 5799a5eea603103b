package com.mspscorecard.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A PostgreSQL server run by the application itself, for trying the product and for small
 * single-user installs, with all its data in one directory that survives restarts:
 * <pre>
 * directory/pgdata        the cluster (PGDATA)
 * directory/password      the generated password of the user {@code postgres}
 * directory/postgres.log  the server's log of the current run
 * </pre>
 * It listens on 127.0.0.1 only, with a password. When the application runs as root the server
 * runs as an unprivileged system user (PostgreSQL refuses root), which then owns the directory.
 * A server left running by a crashed application, or a stale {@code postmaster.pid}, is cleaned
 * up by the next start. Start with {@link #start(Settings)}, stop with {@link #stop()}.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    /** The database the application uses inside the embedded server. */
    public static final String DATABASE = "scorecard";

    /** The superuser the application connects as. */
    public static final String USERNAME = "postgres";

    /** The port tried first, so that {@code pg_dump} instructions stay the same from run to run. */
    public static final int DEFAULT_PORT = 54329;

    /** The system user the server runs as when the application runs as root. */
    public static final String DEFAULT_SERVICE_USER = "scorecard";

    /** Less free space than this and PostgreSQL cannot even write its first checkpoint. */
    static final long MINIMUM_FREE_BYTES = 64L * 1024 * 1024;

    private static final Log log = LogFactory.getLog(EmbeddedPostgres.class);

    /**
     * Where and how to run.
     *
     * @param directory the one directory holding the data, created if missing
     * @param port the port to listen on; 0 for any free one
     * @param portRequired whether an occupied port is an error (else any free port is used)
     * @param serviceUser the system user to run as when the application runs as root
     */
    public record Settings(Path directory, int port, boolean portRequired, String serviceUser) {

        /** Settings for a directory with the defaults: port {@value #DEFAULT_PORT} or a free one. */
        public static Settings in(Path directory) {
            return new Settings(directory, DEFAULT_PORT, false, DEFAULT_SERVICE_USER);
        }

        public Settings withPort(int port, boolean required) {
            return new Settings(directory, port, required, serviceUser);
        }
    }

    private final Path directory;

    private final Path pgdata;

    private final PostgresCommands commands;

    private final int port;

    private final String password;

    private final FileChannel lockChannel;

    private final FileLock lock;

    private final AtomicBoolean stopped = new AtomicBoolean();

    private EmbeddedPostgres(Path directory, PostgresCommands commands, int port, String password,
            FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.pgdata = directory.resolve("pgdata");
        this.commands = commands;
        this.port = port;
        this.password = password;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Starts the server, first creating the cluster and the database {@value #DATABASE} when
     * the directory holds none yet.
     *
     * @throws DatabaseStartupException with a message for the person starting the application
     *         when the directory belongs to someone else, the disk is full, the port is taken or
     *         the server does not come up
     */
    public static EmbeddedPostgres start(Settings settings) {
        Path directory = settings.directory().toAbsolutePath().normalize();
        String runAs = runningAsRoot() ? ServiceUser.findOrCreate(settings.serviceUser()) : null;
        prepareDirectory(directory, runAs);
        FileChannel lockChannel = null;
        try {
            lockChannel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(lockChannel);
            if (lock == null) {
                throw new DatabaseStartupException("The embedded database in " + directory
                        + " is in use by another running copy of the application.",
                        "Stop the other copy, or give this one its own directory with SCORECARD_EMBEDDED_DATA_DIR.");
            }
            Path binaries = PostgresBinaries.unpack();
            PostgresCommands commands = runAs == null ? PostgresCommands.asCurrentUser(binaries)
                    : PostgresCommands.asUser(binaries, runAs);
            checkAccess(directory, commands);
            checkFreeSpace(directory, MINIMUM_FREE_BYTES);
            String password = Files.exists(directory.resolve("pgdata").resolve("PG_VERSION"))
                    ? Files.readString(directory.resolve("password")).strip()
                    : initialise(directory, commands, runAs);
            int port = choosePort(settings);
            EmbeddedPostgres server = new EmbeddedPostgres(directory, commands, port, password, lockChannel, lock);
            server.recoverFromUncleanStop();
            server.startServer();
            server.createDatabase();
            return server;
        }
        catch (IOException e) {
            closeQuietly(lockChannel);
            throw new DatabaseStartupException("The embedded database directory " + directory
                    + " cannot be used: " + reason(e), "Check the directory's owner, permissions and free space.",
                    e);
        }
        catch (RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    /** JDBC URL of the application's database, with timeouts that make a stopped server fail fast. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** JDBC URL of another database in the same server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?socketTimeout=30&connectTimeout=5";
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** The one directory holding the data. */
    public Path directory() {
        return directory;
    }

    /** Whether the server is running and accepts connections. */
    public boolean isRunning() {
        return !stopped.get() && commands.run("pg_ctl", "status", "-D", pgdata.toString()).succeeded();
    }

    /** Stops the server (fast shutdown: open transactions roll back, data is flushed); idempotent. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        PostgresCommands.Result result = commands.run("pg_ctl", "stop", "-D", pgdata.toString(), "-m", "fast",
                "-w", "-t", "60");
        if (!result.succeeded() && Files.exists(pgdata.resolve("postmaster.pid"))) {
            log.warn("The embedded PostgreSQL did not stop in time; stopping it immediately: "
                    + lastLine(result.output()));
            commands.run("pg_ctl", "stop", "-D", pgdata.toString(), "-m", "immediate", "-w", "-t", "30");
        }
        closeQuietly(lockChannel);
        log.info("Stopped the embedded PostgreSQL in " + directory);
    }

    @Override
    public void close() {
        stop();
    }

    /** For tests that play a crashed application: lets go of the directory without stopping the server. */
    void abandon() {
        stopped.set(true);
        closeQuietly(lockChannel);
    }

    private static void prepareDirectory(Path directory, String runAs) {
        String owner = runAs != null ? runAs : System.getProperty("user.name");
        try {
            if (!Files.exists(directory)) {
                Files.createDirectories(directory);
                giveTo(directory, runAs);
            }
            else if (!Files.isDirectory(directory)) {
                throw new DatabaseStartupException("The embedded database path " + directory + " is not a directory.",
                        "Point SCORECARD_EMBEDDED_DATA_DIR at a directory.");
            }
            String actual = Files.getOwner(directory).getName();
            if (!actual.equals(owner)) {
                if (runAs != null && actual.equals("root") && isEmpty(directory)) {
                    // A directory root has just made for us, e.g. a fresh temporary one.
                    giveTo(directory, runAs);
                }
                else {
                    throw new DatabaseStartupException("The embedded database directory " + directory
                            + " belongs to the user '" + actual + "', but PostgreSQL runs as '" + owner + "'.",
                            "Choose another directory with SCORECARD_EMBEDDED_DATA_DIR, or give this one to '" + owner
                                    + "' (chown -R " + owner + " " + directory + ").");
                }
            }
            PostgresBinaries.setPermissions(directory, 0700);
        }
        catch (IOException e) {
            throw new DatabaseStartupException("Cannot create the embedded database directory " + directory + ": "
                    + reason(e), "Choose a writable directory with SCORECARD_EMBEDDED_DATA_DIR.", e);
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void giveTo(Path path, String user) throws IOException {
        if (user == null) {
            return;
        }
        UserPrincipal principal = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        Files.setOwner(path, principal);
    }

    /** The server's user must reach the directory: a parent such as /root is closed to it. */
    private static void checkAccess(Path directory, PostgresCommands commands) {
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

    /** A new cluster with a generated password; returns the password. */
    private static String initialise(Path directory, PostgresCommands commands, String runAs) throws IOException {
        Path pgdata = directory.resolve("pgdata");
        if (Files.exists(pgdata)) {
            // An initdb that died half-way (no PG_VERSION yet) leaves nothing worth keeping.
            PostgresBinaries.deleteTree(pgdata);
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path passwordFile = directory.resolve("password");
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        PostgresBinaries.setPermissions(passwordFile, 0600);
        giveTo(passwordFile, runAs);
        PostgresCommands.Result result = commands.run("initdb", "-D", pgdata.toString(), "-U", USERNAME,
                "--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C",
                "--locale-provider=icu", "--icu-locale=und");
        if (!result.succeeded()) {
            PostgresBinaries.deleteTree(pgdata);
            throw new DatabaseStartupException("Could not create the embedded database in " + directory + ": "
                    + problem(result.output()), "Check the directory's permissions and free space.");
        }
        // Loopback only, and no Unix socket: its default directory may not exist or be writable.
        Files.writeString(pgdata.resolve("postgresql.conf"), """

                # Set by MSP Scorecard's embedded database.
                listen_addresses = '127.0.0.1'
                unix_socket_directories = ''
                max_connections = 40
                """, StandardOpenOption.APPEND);
        log.info("Created an embedded PostgreSQL cluster in " + pgdata);
        return password;
    }

    private static int choosePort(Settings settings) throws IOException {
        if (settings.port() != 0 && portIsFree(settings.port())) {
            return settings.port();
        }
        if (settings.port() != 0 && settings.portRequired()) {
            throw new DatabaseStartupException("Port " + settings.port()
                    + " on 127.0.0.1 is taken, so the embedded PostgreSQL cannot use it.",
                    "Free the port, or choose another with SCORECARD_EMBEDDED_PORT.");
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

    /**
     * Holding the directory's lock means no other copy of the application uses it, so a server
     * still running there was left behind by one that crashed, and a {@code postmaster.pid}
     * without its process is stale. Either would stop the server from starting.
     */
    private void recoverFromUncleanStop() throws IOException {
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
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
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

    private void startServer() throws IOException {
        Path logFile = directory.resolve("postgres.log");
        if (Files.exists(logFile)) {
            Files.move(logFile, directory.resolve("postgres.log.1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createFile(logFile);
        giveTo(logFile, commands.runAs());
        PostgresCommands.Result result = commands.run("pg_ctl", "start", "-D", pgdata.toString(), "-l",
                logFile.toString(), "-w", "-t", "60", "-o", "-p " + port);
        if (!result.succeeded()) {
            String serverLog = Files.exists(logFile) ? Files.readString(logFile) : "";
            closeQuietly(lockChannel);
            throw new DatabaseStartupException("The embedded PostgreSQL in " + directory + " did not start: "
                    + problem(serverLog + "\n" + result.output()),
                    "See " + logFile + "; or set SPRING_DATASOURCE_URL to use a PostgreSQL server instead.");
        }
    }

    private void createDatabase() {
        Properties credentials = new Properties();
        credentials.setProperty("user", USERNAME);
        credentials.setProperty("password", password);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), credentials);
                Statement statement = connection.createStatement()) {
            boolean exists;
            try (var rows = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                exists = rows.next();
            }
            if (!exists) {
                statement.execute("create database " + DATABASE);
            }
        }
        catch (SQLException e) {
            stop();
            throw new DatabaseStartupException("The embedded PostgreSQL started but refused the application: "
                    + e.getMessage(), "See " + directory.resolve("postgres.log") + ".", e);
        }
    }

    /** Java names only the path in some I/O exceptions; say what happened to it. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied on " + e.getMessage();
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + " (" + fs.getFile() + ")";
        }
        return e.getMessage();
    }

    /** The first FATAL/PANIC/ERROR line PostgreSQL printed, else its last line: the cause, without noise. */
    static String problem(String output) {
        for (String line : output.split("\n")) {
            if (line.contains("FATAL") || line.contains("PANIC") || line.contains("No space left")
                    || line.startsWith("initdb: error") || line.contains("Permission denied")) {
                return line.strip();
            }
        }
        return lastLine(output);
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        }
        catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean runningAsRoot() {
        return !PostgresBinaries.isWindows() && "root".equals(System.getProperty("user.name"));
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL on 127.0.0.1:" + port + " with data in " + directory;
    }
}
