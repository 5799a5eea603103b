package com.mspscorecard.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.mspscorecard.ScorecardApplication;
import com.mspscorecard.TestDatabase;
import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application, started in a JVM of its own with a 128 MB heap, checks an all-invalid file of
 * 20,000 rows (360,000 cell errors) twice, at once, and still answers afterwards: memory does not
 * grow with the number of errors. The full-size run (200,000 rows) is {@code bench/invalid-import-bench.sh}.
 */
class ImportMemoryIntegrationTests {

    static final String USER = "imp-mem-am";

    @TempDir
    Path dir;

    @Test
    void anAllInvalidFileAtASmallHeapLeavesTheServerAnswering() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-cp", classpath, ScorecardApplication.class.getName(),
                "--server.port=" + port, "--scorecard.demo=false", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        TestDatabase db = TestDatabase.get();
        builder.environment().put("SCORECARD_TEST_DATABASE_URL", db.url());
        builder.environment().put("SCORECARD_TEST_DATABASE_USERNAME", db.username());
        builder.environment().put("SCORECARD_TEST_DATABASE_PASSWORD", db.password());
        Process server = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            awaitHealthy(http, port, server);
            // After the start: run first, this test finds the schema only once the server has migrated it.
            TestUsers.ensure(USER, "ACCOUNT_MANAGER");

            StringBuilder csv = new StringBuilder("client,month," + String.join(",",
                    com.mspscorecard.importing.csv.CsvExport.header().subList(2, 18)) + "\n");
            String cells = ",x".repeat(16);
            for (int i = 0; i < 20_000; i++) {
                csv.append("imp-mem-nobody-").append(i).append(",not a month").append(cells).append('\n');
            }
            byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

            var first = http.sendAsync(importRequest(port, file), HttpResponse.BodyHandlers.ofString());
            var second = http.sendAsync(importRequest(port, file), HttpResponse.BodyHandlers.ofString());
            for (HttpResponse<String> response : List.of(first.get(), second.get())) {
                // Both checked, or the second told to come back: never a server error.
                assertThat(response.statusCode()).as(response.body()).isIn(422, 503);
                if (response.statusCode() == 422) {
                    assertThat(response.body()).contains("\"error_count\":360000", "\"errors_truncated\":true");
                }
            }

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/actuator/health")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> small = http.send(importRequest(port,
                    "client,month,new_tickets\nimp-mem-nobody,2025-01,1\n".getBytes(StandardCharsets.UTF_8)),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(small.statusCode()).as(small.body()).isEqualTo(422);
            assertThat(small.body()).contains("No client has the name");
        }
        finally {
            server.destroy();
            if (!server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        assertThat(Files.readString(dir.resolve("server.log"))).doesNotContain("OutOfMemoryError");
    }

    private static HttpRequest importRequest(int port, byte[] file) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports?dry_run=true"))
                .header("Content-Type", "text/csv").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((USER + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(3)).POST(HttpRequest.BodyPublishers.ofByteArray(file)).build();
    }

    private static void awaitHealthy(HttpClient http, int port, Process server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (true) {
            assertThat(server.isAlive()).as("the server is running").isTrue();
            assertThat(System.nanoTime()).as("the server starts").isLessThan(deadline);
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
    }
}
