package com.mspscorecard.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.mspscorecard.ScorecardApplication;
import com.mspscorecard.TestDatabaseEnvironment;

/**
 * The whole application on its embedded default, as {@code ./mvnw spring-boot:run} starts it on
 * a machine with nothing configured and no server: migrations applied, the web server on
 * 127.0.0.1 only, readiness following the database down and back up by itself, and the
 * database stopped with the application.
 */
class EmbeddedStartIntegrationTests {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path temp;

    @Test
    void startsOnItsOwnDatabaseListensOnLoopbackAndFollowsTheDatabaseInReadiness() throws Exception {
        assumeTrue(System.getenv("SPRING_DATASOURCE_URL") == null, "a configured URL is used instead");
        PostgresBinaries.setPermissions(temp, 0711);
        Path data = temp.resolve("data");
        EmbeddedPostgres restarted = null;
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ScorecardApplication.class)
                .properties(TestDatabaseEnvironment.OWN_DATABASE + "=true",
                        DatabaseChoice.LOCAL_SERVER_PORT + "=" + closedPort(),
                        DatabaseChoice.DATA_DIR + "=" + data,
                        DatabaseChoice.PORT + "=0",
                        "server.port=0")
                .run();
        try {
            EmbeddedPostgres embedded = app.getBean(EmbeddedPostgres.class);
            assertThat(embedded.directory()).isEqualTo(data);
            assertThat(app.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
            try (Connection c = DriverManager.getConnection(embedded.jdbcUrl(), embedded.username(),
                    embedded.password()); Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("select count(*) from flyway_schema_history where success")) {
                rows.next();
                assertThat(rows.getInt(1)).isPositive();
            }
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(status(port, "/actuator/health/readiness")).isEqualTo(200);

            embedded.stop();
            assertThat(eventually(port, "/actuator/health/readiness", code -> code == 503))
                    .as("readiness answers 503 while the database is gone").isTrue();
            assertThat(status(port, "/actuator/health/liveness")).as("but the process is alive").isEqualTo(200);

            restarted = EmbeddedPostgres.start(EmbeddedPostgres.Settings.in(data).withPort(embedded.port(), true));
            assertThat(eventually(port, "/actuator/health/readiness", code -> code == 200))
                    .as("readiness recovers by itself once the database is back").isTrue();
        }
        finally {
            app.close();
            if (restarted != null) {
                restarted.stop();
            }
        }
        assertThat(Files.exists(data.resolve("pgdata/postmaster.pid"))).as("no server left running").isFalse();
    }

    private boolean eventually(int port, String path, IntPredicate expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (expected.test(status(port, path))) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private int status(int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(15)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
