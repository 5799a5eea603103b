package com.mspscorecard.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
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
 * <p>
 * Some 300 lines: the server's life from initdb to stop, read in the order it happens; the
 * directory's checks ({@link DataDirectory}) and the clean-up after a crash ({@link LeftoverServer})
 * live apart.
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

    private final DataDirectory data;

    private final Path directory;

    private final Path pgdata;

    private final PostgresCommands commands;

    private final int port;

    private final String password;

    private final AtomicBoolean stopped = new AtomicBoolean();

    private EmbeddedPostgres(DataDirectory data, PostgresCommands commands, int port, String password) {
        this.data = data;
        this.directory = data.path();
        this.pgdata = data.pgdata();
        this.commands = commands;
        this.port = port;
        this.password = password;
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
        String runAs = runningAsRoot() ? ServiceUser.findOrCreate(settings.serviceUser()) : null;
        DataDirectory data = DataDirectory.claim(settings.directory().toAbsolutePath().normalize(), runAs);
        try {
            Path binaries = PostgresBinaries.unpack();
            PostgresCommands commands = runAs == null ? PostgresCommands.asCurrentUser(binaries)
                    : PostgresCommands.asUser(binaries, runAs);
            data.checkReachableBy(commands);
            DataDirectory.checkFreeSpace(data.path(), MINIMUM_FREE_BYTES);
            String password = Files.exists(data.pgdata().resolve("PG_VERSION"))
                    ? Files.readString(data.passwordFile()).strip()
                    : initialise(data, commands);
            EmbeddedPostgres server = new EmbeddedPostgres(data, commands, choosePort(settings), password);
            LeftoverServer.clearAway(data.pgdata(), commands);
            server.startServer();
            server.createDatabase();
            return server;
        }
        catch (IOException e) {
            data.release();
            throw new DatabaseStartupException("The embedded database directory " + data.path()
                    + " cannot be used: " + DataDirectory.reason(e),
                    "Check the directory's owner, permissions and free space.", e);
        }
        catch (RuntimeException e) {
            data.release();
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
        data.release();
        log.info("Stopped the embedded PostgreSQL in " + directory);
    }

    @Override
    public void close() {
        stop();
    }

    /** For tests that play a crashed application: lets go of the directory without stopping the server. */
    void abandon() {
        stopped.set(true);
        data.release();
    }

    /** A new cluster with a generated password; returns the password. */
    private static String initialise(DataDirectory data, PostgresCommands commands) throws IOException {
        Path directory = data.path();
        Path pgdata = data.pgdata();
        if (Files.exists(pgdata)) {
            // An initdb that died half-way (no PG_VERSION yet) leaves nothing worth keeping.
            PostgresBinaries.deleteTree(pgdata);
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path passwordFile = data.passwordFile();
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        PostgresBinaries.setPermissions(passwordFile, 0600);
        data.giveToServerUser(passwordFile);
        PostgresCommands.Result result = commands.run("initdb", "-D", pgdata.toString(), "-U", USERNAME,
                "--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C",
                "--locale-provider=icu", "--icu-locale=und");
        if (!result.succeeded()) {
            PostgresBinaries.deleteTree(pgdata);
            throw new DatabaseStartupException("Could not create the embedded database in " + directory + ": "
                    + problem(result.output()), "Check the directory's permissions and free space.");
        }
        // Loopback only, and no Unix socket: its default directory may not exist or be writable.
        // 300 connections: the test suite keeps several application contexts, each with a pool of 10.
        Files.writeString(pgdata.resolve("postgresql.conf"), """

                # Set by MSP Scorecard's embedded database.
                listen_addresses = '127.0.0.1'
                unix_socket_directories = ''
                max_connections = 300
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
            // As PostgreSQL binds: connections of a just-stopped server in TIME_WAIT do not make the port taken.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

    private void startServer() throws IOException {
        Path logFile = data.logFile();
        if (Files.exists(logFile)) {
            Files.move(logFile, directory.resolve("postgres.log.1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createFile(logFile);
        data.giveToServerUser(logFile);
        PostgresCommands.Result result = commands.run("pg_ctl", "start", "-D", pgdata.toString(), "-l",
                logFile.toString(), "-w", "-t", "60", "-o", "-p " + port);
        if (!result.succeeded()) {
            String serverLog = Files.exists(logFile) ? Files.readString(logFile) : "";
            data.release();
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

    static boolean runningAsRoot() {
        return !PostgresBinaries.isWindows() && "root".equals(System.getProperty("user.name"));
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL on 127.0.0.1:" + port + " with data in " + directory;
    }
}
