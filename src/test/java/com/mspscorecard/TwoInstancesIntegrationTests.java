package com.mspscorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue 14 item 3: two application instances, A and B, on one database behave as one. Both start
 * at the same moment on an empty database with an owner from the environment and the demo flag,
 * and a user cannot tell which instance answered: a session opened on A works on B, failures on A
 * lock on B, disabling on B signs out on A, an edit on A is on B's dashboard within 2 s.
 */
class TwoInstancesIntegrationTests {

    private static final String OWNER = "twin-owner";

    private static final String PASSWORD = "two instances, one database";

    private static ConfigurableApplicationContext a;

    private static ConfigurableApplicationContext b;

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startBothAtOnce() {
        TestDatabase db = TestDatabase.get().fresh();
        CompletableFuture<ConfigurableApplicationContext> first = CompletableFuture.supplyAsync(() -> start(db));
        CompletableFuture<ConfigurableApplicationContext> second = CompletableFuture.supplyAsync(() -> start(db));
        a = first.join();
        b = second.join();
        jdbc = a.getBean(JdbcTemplate.class);
    }

    private static ConfigurableApplicationContext start(TestDatabase db) {
        // As command-line arguments: they override application.properties, which default properties do not.
        return new SpringApplicationBuilder(ScorecardApplication.class)
                .properties(TestDatabaseEnvironment.OWN_DATABASE + "=true")
                .run("--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=" + db.password(),
                        "--spring.datasource.hikari.maximum-pool-size=4",
                        "--scorecard.database.create-if-missing=false",
                        "--scorecard.admin.username=" + OWNER,
                        "--scorecard.admin.password=" + PASSWORD,
                        "--scorecard.demo=true",
                        "--server.port=0");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { a, b }) {
            if (context != null) {
                context.close();
            }
        }
    }

    @Test
    void startUpWorkRanOnce() {
        // One owner created (and audited) once, one demo portfolio, one set of scores.
        assertThat(jdbc.queryForList("select username from app_user where role = 'OWNER'", String.class))
                .containsExactly(OWNER);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'CREATED' and entity_type = 'USER'",
                Integer.class)).isEqualTo(1);
        int clients = jdbc.queryForObject("select count(*) from client", Integer.class);
        assertThat(clients).isGreaterThanOrEqualTo(30)
                .isEqualTo(jdbc.queryForObject("select count(distinct name) from client", Integer.class));
        assertThat(jdbc.queryForObject("select count(distinct client_id) from client_score", Integer.class))
                .isEqualTo(clients);
        // Both instances gave the start-up lock back.
        assertThat(jdbc.queryForObject("""
                select count(*) from pg_locks where locktype = 'advisory' and granted
                and database = (select oid from pg_database where datname = current_database())""",
                Integer.class)).isZero();
    }

    @Test
    void aSessionOpenedOnAWorksOnB() {
        Browser browser = new Browser();
        browser.signIn(port(a), OWNER, PASSWORD);
        HttpResponse<String> onB = browser.get(port(b), "/");
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("/logout");
        // Signing out on B ends it on A too.
        browser.post(port(b), "/", "/logout", Map.of());
        assertThat(browser.get(port(a), "/").statusCode()).isEqualTo(302);
    }

    @Test
    void fiveFailuresOnALockTheUserOnB() {
        createUser("twin-locked", "ACCOUNT_MANAGER");
        for (int i = 0; i < 5; i++) {
            assertThat(new Browser().trySignIn(port(a), "twin-locked", "not the password " + i)).isFalse();
        }
        // From the same address, on the other instance, even the right password is refused now.
        assertThat(new Browser().trySignIn(port(b), "twin-locked", PASSWORD)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from sign_in_lock where key like 'pair %twin-locked'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void disablingAUserOnBEndsTheirSessionOnA() {
        long id = createUser("twin-leaver", "ACCOUNT_MANAGER");
        Browser leaver = new Browser();
        leaver.signIn(port(a), "twin-leaver", PASSWORD);
        assertThat(leaver.get(port(a), "/").statusCode()).isEqualTo(200);

        Browser owner = new Browser();
        owner.signIn(port(b), OWNER, PASSWORD);
        HttpResponse<String> disabled = owner.post(port(b), "/users", "/users/" + id + "/enabled",
                Map.of("enabled", "false"));
        assertThat(disabled.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/users"));

        HttpResponse<String> onA = leaver.get(port(a), "/");
        assertThat(onA.statusCode()).isEqualTo(302);
        assertThat(onA.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?expired"));
    }

    @Test
    void anEditOnAIsOnBsDashboardWithinTwoSeconds() throws Exception {
        Browser owner = new Browser();
        owner.signIn(port(b), OWNER, PASSWORD);
        String dashboard = owner.get(port(b), "/").body();
        // A client the dashboard names (lowest, worsened, to offboard ...), renamed through the API on A.
        List<Map<String, Object>> clients = jdbc.queryForList("select id, name from client order by id");
        Map<String, Object> shown = clients.stream().filter(c -> dashboard.contains((String) c.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("The dashboard names no client"));
        long id = ((Number) shown.get("id")).longValue();
        String renamed = shown.get("name") + " renamed on A";

        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString((OWNER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String json = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(a) + "/api/v1/clients/" + id))
                .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        String changed = json.replace("\"name\":\"" + shown.get("name") + "\"", "\"name\":\"" + renamed + "\"");
        assertThat(changed).contains(renamed);
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(a) + "/api/v1/clients/" + id))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(changed)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        long saved = System.nanoTime();

        boolean seen = false;
        while (!seen && System.nanoTime() - saved < 2_000_000_000L) {
            seen = owner.get(port(b), "/").body().contains(renamed);
        }
        assertThat(seen).as("B's dashboard names the client as renamed on A within 2 s").isTrue();
    }

    private static long createUser(String username, String role) {
        String hash = a.getBean(PasswordEncoder.class).encode(PASSWORD);
        return jdbc.queryForObject("""
                insert into app_user (username, display_name, role, password_hash, enabled)
                values (?, ?, ?, ?, true) returning id""", Long.class, username, username, role, hash);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** One browser: one session cookie, sent to whichever instance it talks to, as behind a load balancer. */
    private static final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

        private static final Pattern SESSION = Pattern.compile("^SESSION=([^;]*)");

        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        private String session;

        void signIn(int port, String username, String password) {
            assertThat(trySignIn(port, username, password)).as("signed in as " + username).isTrue();
        }

        boolean trySignIn(int port, String username, String password) {
            HttpResponse<String> answer = post(port, "/login", "/login", Map.of("username", username, "password", password));
            return answer.statusCode() == 302
                    && !answer.headers().firstValue("Location").orElse("").contains("error");
        }

        HttpResponse<String> get(int port, String path) {
            return send(request(port, path).GET().build());
        }

        /** A form on {@code page} submitted to {@code action}, with the CSRF token the page carries. */
        HttpResponse<String> post(int port, String page, String action, Map<String, String> fields) {
            Matcher token = CSRF.matcher(get(port, page).body());
            assertThat(token.find()).as("a CSRF token on " + page).isTrue();
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", token.group(1));
            String body = all.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(request(port, action).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        private HttpRequest.Builder request(int port, String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html");
            if (session != null) {
                builder.header("Cookie", "SESSION=" + session);
            }
            return builder;
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                for (String cookie : response.headers().allValues("Set-Cookie")) {
                    Matcher m = SESSION.matcher(cookie);
                    if (m.find()) {
                        session = m.group(1).isEmpty() ? null : m.group(1);
                    }
                }
                return response;
            }
            catch (IOException e) {
                throw new IllegalStateException(e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
