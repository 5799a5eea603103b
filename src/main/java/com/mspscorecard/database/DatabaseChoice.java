package com.mspscorecard.database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides at start-up, before any bean connects, which PostgreSQL the application uses:
 * <ol>
 * <li>the server in {@code spring.datasource.url} when one is set; it must answer, because a
 * set URL never falls back to anything else (an empty new database with an open {@code /setup}
 * would hide the real one);</li>
 * <li>otherwise a server on {@code localhost:5432}, database {@value EmbeddedPostgres#DATABASE};</li>
 * <li>otherwise an {@link EmbeddedPostgres} with its data in {@code scorecard.embedded.data-dir},
 * and then the web server listens on 127.0.0.1 only unless {@code server.address} is set.</li>
 * </ol>
 * Registered in {@code META-INF/spring.factories}; it runs after the configuration files are read
 * and logging is set up, and before {@link MissingDatabaseCreator}.
 */
public class DatabaseChoice implements ApplicationListener<SpringApplicationEvent>, Ordered {

    /** How the database was chosen. */
    public enum Choice {
        CONFIGURED, LOCAL_SERVER, EMBEDDED
    }

    static final String DATA_DIR = "scorecard.embedded.data-dir";

    static final String PORT = "scorecard.embedded.port";

    static final String SERVICE_USER = "scorecard.embedded.service-user";

    /** Where a server "on this machine" is looked for; a property only so tests can point it at nothing. */
    static final String LOCAL_SERVER_PORT = "scorecard.database.local-server-port";

    private static final int CONNECT_TIMEOUT_MILLIS = 3000;

    private static final Pattern SERVER = Pattern.compile("jdbc:postgresql://([^/?]*)(?:[/?].*)?");

    private static final Log log = LogFactory.getLog(DatabaseChoice.class);

    private EmbeddedPostgres embedded;

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            choose(prepared.getEnvironment());
        }
        else if (event instanceof ApplicationPreparedEvent prepared && embedded != null) {
            // Stopped with the context's last beans, after the web server's graceful shutdown and the pool.
            EmbeddedPostgres server = embedded;
            var beans = prepared.getApplicationContext().getBeanFactory();
            beans.registerSingleton("embeddedPostgres", server);
            if (beans instanceof DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean("embeddedPostgres", server::stop);
            }
        }
        else if (event instanceof ApplicationFailedEvent && embedded != null) {
            embedded.stop();
        }
    }

    Choice choose(ConfigurableEnvironment env) {
        String url = env.getProperty("spring.datasource.url");
        if (StringUtils.hasText(url)) {
            serverAddress(url).ifPresent(DatabaseChoice::mustAnswer);
            return Choice.CONFIGURED;
        }
        int localPort = env.getProperty(LOCAL_SERVER_PORT, Integer.class, 5432);
        if (answers(new InetSocketAddress("localhost", localPort))) {
            log.info("Database: no SPRING_DATASOURCE_URL set, so using the PostgreSQL server on localhost:"
                    + localPort + ", database " + EmbeddedPostgres.DATABASE);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("spring.datasource.url", "jdbc:postgresql://localhost:" + localPort + "/"
                    + EmbeddedPostgres.DATABASE + "?socketTimeout=30&connectTimeout=5&tcpKeepAlive=true");
            env.getPropertySources().addFirst(new MapPropertySource("scorecardLocalServer", properties));
            return Choice.LOCAL_SERVER;
        }
        startEmbedded(env);
        return Choice.EMBEDDED;
    }

    private void startEmbedded(ConfigurableEnvironment env) {
        Path directory = Path.of(env.getProperty(DATA_DIR, defaultDataDirectory().toString()));
        boolean portSet = env.containsProperty(PORT);
        EmbeddedPostgres.Settings settings = new EmbeddedPostgres.Settings(directory,
                env.getProperty(PORT, Integer.class, EmbeddedPostgres.DEFAULT_PORT), portSet,
                env.getProperty(SERVICE_USER, EmbeddedPostgres.DEFAULT_SERVICE_USER));
        embedded = EmbeddedPostgres.start(settings);
        SpringApplication.getShutdownHandlers().add(embedded::stop);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", embedded.jdbcUrl() + "&tcpKeepAlive=true");
        properties.put("spring.datasource.username", embedded.username());
        properties.put("spring.datasource.password", embedded.password());
        if (!env.containsProperty("server.address")) {
            // A database anyone on the network could reach through the application's /setup is not a default.
            properties.put("server.address", "127.0.0.1");
        }
        env.getPropertySources().addFirst(new MapPropertySource("scorecardEmbeddedDatabase", properties));
        log.info("Database: embedded PostgreSQL with its data in " + embedded.directory() + " (127.0.0.1:"
                + embedded.port() + ", user " + embedded.username() + ", password in "
                + embedded.directory().resolve("password") + "); for production set SPRING_DATASOURCE_URL "
                + "to a PostgreSQL server (README: Production)");
    }

    /**
     * Under the user's home; for root, under /var/lib, because PostgreSQL then runs as an
     * unprivileged user that cannot enter /root.
     */
    static Path defaultDataDirectory() {
        if (EmbeddedPostgres.runningAsRoot()) {
            return Path.of("/var/lib/msp-scorecard/postgres");
        }
        return Path.of(System.getProperty("user.home"), ".msp-scorecard", "postgres");
    }

    /** Host and port of a single-server PostgreSQL URL; empty for forms not worth guessing at. */
    static Optional<InetSocketAddress> serverAddress(String url) {
        if (url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:postgresql://")) {
            return Optional.of(InetSocketAddress.createUnresolved("localhost", 5432));
        }
        Matcher m = SERVER.matcher(url);
        if (!m.matches() || m.group(1).isEmpty() || m.group(1).contains(",")) {
            return Optional.empty();
        }
        String hostPort = m.group(1);
        String host = hostPort;
        int port = 5432;
        int colon = hostPort.lastIndexOf(':');
        if (colon > hostPort.lastIndexOf(']')) {
            host = hostPort.substring(0, colon);
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            }
            catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return Optional.of(InetSocketAddress.createUnresolved(host, port));
    }

    private static void mustAnswer(InetSocketAddress server) {
        String where = server.getHostString() + ":" + server.getPort();
        String problem = connect(new InetSocketAddress(server.getHostString(), server.getPort()));
        if (problem != null) {
            throw new DatabaseStartupException("Cannot reach the PostgreSQL server at " + where
                    + " set in spring.datasource.url (" + problem + ").",
                    "Start that server or correct SPRING_DATASOURCE_URL. A set URL never falls back to the embedded "
                            + "database; remove it to use the embedded one.");
        }
    }

    private static boolean answers(InetSocketAddress address) {
        return connect(address) == null;
    }

    /** @return null when something accepts connections there, else why not */
    private static String connect(InetSocketAddress address) {
        if (address.isUnresolved()) {
            return "unknown host";
        }
        try (Socket socket = new Socket()) {
            socket.connect(address, CONNECT_TIMEOUT_MILLIS);
            return null;
        }
        catch (UnknownHostException e) {
            return "unknown host";
        }
        catch (java.net.SocketTimeoutException e) {
            return "no answer within " + CONNECT_TIMEOUT_MILLIS / 1000 + " s";
        }
        catch (IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
