package com.mspscorecard;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import com.mspscorecard.database.EmbeddedPostgres;

/**
 * The one place that decides where tests get PostgreSQL, in this order:
 * <ol>
 * <li>{@code SCORECARD_TEST_DATABASE_URL} (with {@code _USERNAME} and {@code _PASSWORD}) from the environment;</li>
 * <li>a Testcontainers PostgreSQL when a Docker engine answers;</li>
 * <li>the local server at {@code localhost:5432} (user {@code postgres}), in a database of
 * this test run's own that is created now and dropped when the JVM exits;</li>
 * <li>an {@link EmbeddedPostgres} in a temporary directory, stopped and deleted when the JVM
 * exits, so that the tests need nothing but a JDK.</li>
 * </ol>
 * Never H2 or another in-memory stand-in: the schema and its queries are PostgreSQL's.
 */
public final class TestDatabase {

    private static final String LOCAL_SERVER = "jdbc:postgresql://localhost:5432/";

    private static volatile TestDatabase instance;

    private static volatile boolean embeddedServer;

    private final String url;

    private final String username;

    private final String password;

    private final String origin;

    private TestDatabase(String url, String username, String password, String origin) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.origin = origin;
    }

    public static TestDatabase get() {
        if (instance == null) {
            synchronized (TestDatabase.class) {
                if (instance == null) {
                    instance = choose();
                    System.out.println("Tests use PostgreSQL " + instance.origin + ": " + instance.url);
                }
            }
        }
        return instance;
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /**
     * A new, empty database on the same server, for a test context that must start from
     * nothing (first-run setup); dropped when the JVM exits.
     */
    public TestDatabase fresh() {
        String name = "scorecard_fresh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Could not create a fresh test database", e);
        }
        if (!embeddedServer) {
            // An embedded server is deleted whole at exit; dropping first would race its stop.
            dropAtExit(withDatabase(url, "postgres"), username, password, name);
        }
        return new TestDatabase(withDatabase(url, name), username, password, "fresh database " + name);
    }

    /** The same JDBC URL pointing at another database on the same server. */
    public static String withDatabase(String url, String database) {
        return url.replaceFirst("^(jdbc:postgresql://[^/]*/)[^?]*", "$1" + database);
    }

    /** A new connection for tests that look at the database directly. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    private static TestDatabase choose() {
        String explicit = System.getenv("SCORECARD_TEST_DATABASE_URL");
        if (explicit != null && !explicit.isBlank()) {
            return new TestDatabase(explicit, envOr("SCORECARD_TEST_DATABASE_USERNAME", "postgres"),
                    envOr("SCORECARD_TEST_DATABASE_PASSWORD", "postgres"), "from SCORECARD_TEST_DATABASE_URL");
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "in a Testcontainers container");
        }
        if (localServerAnswers()) {
            return localDatabaseOfOurOwn();
        }
        return embedded();
    }

    private static boolean localServerAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", 5432), 2000);
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

    private static TestDatabase embedded() {
        Path directory;
        try {
            directory = Files.createTempDirectory("msp-scorecard-test-postgres");
        }
        catch (IOException e) {
            throw new IllegalStateException("No temporary directory for the embedded test database", e);
        }
        EmbeddedPostgres server = EmbeddedPostgres.start(EmbeddedPostgres.Settings.in(directory).withPort(0, false));
        embeddedServer = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            deleteTree(directory);
        }));
        return new TestDatabase(server.jdbcUrl(), server.username(), server.password(),
                "embedded (no test URL, no Docker, nothing on localhost:5432)");
    }

    static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            System.err.println("Could not delete " + root + ": " + e.getMessage());
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static TestDatabase localDatabaseOfOurOwn() {
        String name = "scorecard_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        String user = envOr("PGUSER", "postgres");
        String password = envOr("PGPASSWORD", "postgres");
        try (Connection c = DriverManager.getConnection(LOCAL_SERVER + "postgres", user, password);
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        catch (SQLException e) {
            throw new IllegalStateException("No test database: set SCORECARD_TEST_DATABASE_URL, start Docker, "
                    + "or run PostgreSQL on localhost:5432 with user postgres", e);
        }
        dropAtExit(LOCAL_SERVER + "postgres", user, password, name);
        return new TestDatabase(LOCAL_SERVER + name, user, password, "on the local server, database " + name);
    }

    /** Databases this JVM created, dropped one after the other at exit through the maintenance database. */
    private static final java.util.List<String[]> CREATED = new java.util.ArrayList<>();

    private static synchronized void dropAtExit(String maintenanceUrl, String user, String password, String name) {
        if (CREATED.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropAll));
        }
        CREATED.add(new String[] { maintenanceUrl, user, password, name });
    }

    private static synchronized void dropAll() {
        for (String[] db : CREATED) {
            try (Connection c = DriverManager.getConnection(db[0], db[1], db[2]); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + db[3] + " with (force)");
            }
            catch (SQLException e) {
                System.err.println("Could not drop test database " + db[3] + ": " + e.getMessage());
            }
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
