package com.mspscorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.mspscorecard.scoring.ScoringModels;
import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PRODUCT §1 as a table: every endpoint, every role, allowed or denied — checked on the server.
 * Modules add rows in {@code src/test/resources/role-matrix/*.csv}. "Allowed" means the page or
 * call answered 2xx or 3xx: a 404 or a 500 is not an allowed answer, so every row names things
 * that exist ({@code {client}}, {@code {incident}}, {@code {poll}}, {@code {draft}}, {@code {user}},
 * {@code {token}}), made afresh for each call, and every API call sends a valid body. "Denied" is 403;
 * anonymous callers are sent to the login page (pages) or get 401 (API). On a database of its own,
 * because allowed calls really delete, activate and withdraw.
 */
@SpringBootTest(properties = { "scorecard.test.fresh-database=true", "scorecard.test.context=role-matrix" })
@AutoConfigureMockMvc
class RoleMatrixTests {

    private static final String[] ROLES = { "OWNER", "ACCOUNT_MANAGER", "STAFF" };

    /** Valid bodies for the API calls, by the row's method and path as written in the table. */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST /api/v1/clients/{client}/offboarding-cases", "{\"decision\": \"OFFBOARD\", \"reasons\": \"matrix\", "
                    + "\"exit_date\": \"{future}\", \"confirm_early\": true, \"letter_language\": \"en\"}"),
            Map.entry("POST /api/v1/offboarding-cases/{case}/items/{item}", "{\"done\": true, \"version\": 0}"),
            Map.entry("POST /api/v1/offboarding-cases/{emptyCase}/complete", "{\"version\": 0}"),
            Map.entry("POST /api/v1/offboarding-cases/{case}/withdraw", "{\"version\": 0, \"reason\": \"matrix\"}"),
            Map.entry("POST /api/v1/clients/{client}/price-proposals", "{\"proposed_price\": 1300, \"effective_on\": \"{future}\", "
                    + "\"letter_language\": \"en\"}"),
            Map.entry("POST /api/v1/price-proposals/{proposal}/answer", "{\"version\": 0, \"accepted\": true}"),
            Map.entry("POST /api/v1/price-proposals/{proposal}/withdraw", "{\"version\": 0, \"reason\": \"matrix\"}"),
            Map.entry("POST /api/v1/clients", "{\"name\": \"matrix new {uuid}\"}"),
            Map.entry("PUT /api/v1/clients/{client}", "{\"name\": \"{clientName}\", \"version\": 0}"),
            Map.entry("PUT /api/v1/clients/{client}/months/2020-01", "{\"month\": \"2020-01\", \"new_tickets\": 1}"),
            Map.entry("POST /api/v1/clients/{client}/incidents",
                    "{\"occurred_on\": \"2025-01-01\", \"category\": \"OTHER\", \"description\": \"matrix\"}"));

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource database;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScoringModels models;

    @Autowired
    TransactionTemplate transactions;

    static Stream<Arguments> matrix() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:role-matrix/*.csv")) {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(line -> {
                    String[] cells = line.split(",");
                    for (int i = 0; i < ROLES.length; i++) {
                        rows.add(Arguments.of(cells[0], cells[1], ROLES[i], "allow".equals(cells[2 + i])));
                    }
                    rows.add(Arguments.of(cells[0], cells[1], "anonymous", false));
                });
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {2}: allowed={3}")
    @MethodSource("matrix")
    void everyEndpointAnswersEachRoleAsTheTableSays(String method, String template, String role, boolean allowed)
            throws Exception {
        Map<String, String> things = things(role);
        if (template.contains("/scorecard") || template.contains("/scores")) {
            scored(things.get("client"));
        }
        String path = fill(template, things);
        MockHttpServletRequestBuilder call = request(HttpMethod.valueOf(method), path).with(csrf());
        if (!role.equals("anonymous")) {
            call.with(user(username(role)).roles(role));
        }
        if (template.startsWith("/api/v1/imports") && template.contains("kind=tickets")) {
            // A raw PSA export (issue 15): one ticket of the client, in the generic layout.
            call.contentType("text/csv").content("Ticket #,Client,Opened\n1," + things.get("clientName") + ",2020-01-15\n");
        }
        else if (template.startsWith("/api/v1/imports")) {
            call.contentType("text/csv").content("client,month,new_tickets\n" + things.get("clientName") + ",2020-01,1\n");
        }
        else if (template.startsWith("/api/")) {
            call.contentType("application/json").content(fill(BODIES.getOrDefault(method + " " + template, "{}"), things));
        }
        MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();
        int status = response.getStatus();
        String what = "%s %s as %s (answered %d %s)".formatted(method, path, role, status,
                response.getErrorMessage() == null ? "" : response.getErrorMessage());
        if (role.equals("anonymous")) {
            assertThat(status).as(what).isEqualTo(template.startsWith("/api/") ? 401 : 302);
        }
        else if (allowed) {
            assertThat(status).as(what).isBetween(200, 399);
            if (method.equals("GET") && status < 300 && String.valueOf(response.getContentType()).startsWith("text/html")) {
                assertThat(status).as(what).isEqualTo(200);
                assertNoInlineScriptOrStyle(what, response.getContentAsString());
            }
        }
        else {
            assertThat(status).as(what).isEqualTo(403);
        }
    }

    /**
     * The Content-Security-Policy allows no inline script or style, so a page carrying one is broken
     * in the browser. Data for the charts travels in an empty, inert {@code <script type="application/json">}
     * whose content is an attribute: allowed, and nothing else.
     */
    private static void assertNoInlineScriptOrStyle(String what, String html) {
        String withoutData = html.replaceAll("<script type=\"application/json\"[^>]*></script>", "");
        assertThat(withoutData).as(what).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
                .doesNotContain(" style=\"").doesNotContain("<style").doesNotContainPattern("\\son[a-z]+=\"");
    }

    /** What the row's placeholders name, made for this call alone so that an allowed call may destroy it. */
    private Map<String, String> things(String role) {
        for (String r : ROLES) {
            TestUsers.ensure(database, username(r), r);
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long manager = jdbc.queryForObject("select id from app_user where username = ?", Long.class,
                username("ACCOUNT_MANAGER"));
        String clientName = "matrix client " + suffix;
        long client = jdbc.queryForObject("insert into client (name, account_manager_id) values (?, ?) returning id",
                Long.class, clientName, manager);
        // Offboarding and price proposals need contract dates and a fee; a case with a staff member's item,
        // a proposal, and a case without items (which may be completed), each on a client of its own.
        String contract = "update client set contract_start = current_date - 300, contract_end = current_date + 400, "
                + "notice_period_days = 30, contract_mrr = 1000 where id = ?";
        jdbc.update(contract, client);
        long caseClient = jdbc.queryForObject("insert into client (name, account_manager_id) values (?, ?) returning id",
                Long.class, clientName + " leaving", manager);
        jdbc.update(contract, caseClient);
        long offboarding = jdbc.queryForObject("""
                insert into offboarding_case (client_id, decision, reasons, exit_date, opened_by)
                values (?, 'OFFBOARD', 'matrix', current_date + 200, 'matrix') returning id""", Long.class, caseClient);
        long item = jdbc.queryForObject("""
                insert into offboarding_item (case_id, position, title, assignee_id)
                values (?, 1, 'matrix task', (select id from app_user where username = ?)) returning id""", Long.class,
                offboarding, username("STAFF"));
        long proposal = jdbc.queryForObject("""
                insert into price_proposal (client_id, current_price, proposed_price, effective_on, opened_by)
                values (?, 1000, 1200, current_date + 100, 'matrix') returning id""", Long.class, caseClient);
        long emptyClient = jdbc.queryForObject("insert into client (name, account_manager_id) values (?, ?) returning id",
                Long.class, clientName + " done", manager);
        jdbc.update(contract, emptyClient);
        long emptyCase = jdbc.queryForObject("""
                insert into offboarding_case (client_id, decision, reasons, exit_date, opened_by)
                values (?, 'OFFBOARD', 'matrix', current_date + 200, 'matrix') returning id""", Long.class, emptyClient);
        long incident = jdbc.queryForObject("""
                insert into incident (client_id, occurred_on, category, description, logged_by_id)
                values (?, current_date, 'OTHER', 'matrix', ?) returning id""", Long.class, client, manager);
        long user = jdbc.queryForObject("""
                insert into app_user (username, display_name, role, password_hash)
                values (?, ?, 'STAFF', 'x') returning id""", Long.class, "matrix-other-" + suffix, "Matrix other");
        Long token = role.equals("anonymous") ? Long.valueOf(0) : jdbc.queryForObject("""
                insert into api_token (user_id, name, token_hash)
                values ((select id from app_user where username = ?), 'matrix', ?) returning id""", Long.class,
                username(role), UUID.randomUUID().toString().replace("-", ""));
        long poll = jdbc.queryForObject("""
                insert into poll (title, opens_on, closes_on, picks, roster_taken_at)
                values (?, current_date - 1, current_date + 30, 5, now()) returning id""", Long.class,
                "Matrix poll " + suffix);
        jdbc.update("""
                insert into poll_roster (poll_id, user_id, display_name, role, account_created_at)
                select ?, id, display_name, role, created_at from app_user where username like 'matrix-%'
                  and username not like 'matrix-other-%'""", poll);
        int draft = transactions.execute(status -> models.draft().map(d -> d.version()).orElseGet(() -> models.createDraft().version()));
        Map<String, String> things = new LinkedHashMap<>();
        things.put("clientName", clientName);
        things.put("client", String.valueOf(client));
        things.put("incident", String.valueOf(incident));
        things.put("user", String.valueOf(user));
        things.put("token", String.valueOf(token));
        things.put("poll", String.valueOf(poll));
        things.put("draft", String.valueOf(draft));
        things.put("uuid", suffix);
        things.put("case", String.valueOf(offboarding));
        things.put("item", String.valueOf(item));
        things.put("proposal", String.valueOf(proposal));
        things.put("emptyCase", String.valueOf(emptyCase));
        things.put("future", java.time.LocalDate.now().plusDays(200).toString());
        things.put("psaSource", String.valueOf(jdbc.queryForObject("""
                insert into psa_source (name, psa, settings, created_by, created_at, updated_at)
                values (?, 'generic', '{"ticketCategories":{},"disputedStatuses":[],"excludedInvoiceTypes":[],
                    "hourlyCostByRole":{},"invoiceHistoryMonths":3}'::jsonb, 'matrix', now(), now()) returning id""",
                Long.class, "matrix source " + suffix)));
        return things;
    }

    /** A client has a scorecard once it has figures: written through the API, which rescores it. */
    private void scored(String client) throws Exception {
        int status = mvc.perform(request(HttpMethod.PUT, "/api/v1/clients/" + client + "/months/2025-01")
                        .with(user(username("OWNER")).roles("OWNER")).contentType("application/json")
                        .content("{\"month\": \"2025-01\", \"new_tickets\": 3, \"revenue\": 1000, \"late_payments\": 0}"))
                .andReturn().getResponse().getStatus();
        assertThat(status).as("figures for the client to score").isBetween(200, 299);
    }

    private static String fill(String text, Map<String, String> things) {
        String filled = text;
        for (Map.Entry<String, String> thing : things.entrySet()) {
            filled = filled.replace("{" + thing.getKey() + "}", thing.getValue());
        }
        return filled;
    }

    private static String username(String role) {
        return "matrix-" + role.toLowerCase();
    }
}
