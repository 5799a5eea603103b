package com.mspscorecard.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mspscorecard.importing.raw.Samples;
import com.mspscorecard.support.TestUsers;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Issue 15's "done when", end to end against PostgreSQL: an account manager uploads last month's
 * tickets and time entries and the invoices of three months, as the PSA exported them, maps the
 * new company name once, and the month's figures are filled in. Client names are made unique per
 * test (the samples' names with a tag), so the tests do not see each other's clients.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PsaImportIntegrationTests {

    static final String MANAGER = "psa-am";
    static final List<String> COMPANIES = List.of("Alpine Dental Group", "Brightwater Logistics", "Chaos Events",
            "Slowpay Trading");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    String tag;
    long alpine;
    long brightwater;
    long chaos;

    @BeforeEach
    void clients() {
        TestUsers.ensure(MANAGER, "ACCOUNT_MANAGER");
        tag = UUID.randomUUID().toString().substring(0, 6);
        long manager = jdbc.queryForObject("select id from app_user where username = ?", Long.class, MANAGER);
        alpine = client("Alpine Dental Group", manager);
        brightwater = client("Brightwater Logistics", manager);
        chaos = client("Chaos Events", manager);
    }

    @Test
    void anAccountManagerImportsTheThreeFilesMapsANewNameOnceAndTheMonthIsFilled() throws Exception {
        // Tickets: one name (Slowpay) matches no client; the preview asks, and nothing can be committed yet.
        String token = upload("connectwise-tickets");
        String page = await(token);
        assertThat(page).contains("id=\"psa-unmatched\"", name("Slowpay Trading")).doesNotContain("id=\"commit-form\"");
        mvc.perform(post("/imports/psa/" + token + "/names").param("key", "name:" + name("Slowpay Trading").toLowerCase(Locale.ROOT))
                .param("action", "create").with(csrf()).with(manager())).andExpect(status().is3xxRedirection());
        page = await(token);
        assertThat(page).doesNotContain("id=\"psa-unmatched\"").contains("id=\"commit-form\"", "id=\"psa-rules\"");
        commit(token, page);
        long slowpay = jdbc.queryForObject("select id from client where name = ?", Long.class, name("Slowpay Trading"));
        assertThat(value(alpine, "2026-09", "new_tickets")).isEqualByComparingTo(
                BigDecimal.valueOf(count("connectwise-tickets", "Alpine Dental Group", 2, 8, "2026-09")));
        assertThat(value(slowpay, "2026-09", "new_tickets")).isNotNull();

        // Time entries: the name decided once is remembered; nothing to ask.
        token = upload("connectwise-time");
        page = await(token);
        assertThat(page).doesNotContain("id=\"psa-unmatched\"").contains("id=\"commit-form\"");
        commit(token, page);
        assertThat(value(alpine, "2026-09", "hours_spent")).isEqualByComparingTo(
                sum("connectwise-time", "Alpine Dental Group", 1, 6, 7, "2026-09"));

        // Invoices of three months: a credit note lowers revenue, hardware resale is not service revenue.
        token = upload("connectwise-invoices");
        page = await(token);
        commit(token, page);
        assertThat(value(alpine, "2026-09", "revenue")).isEqualByComparingTo("2240.00");
        assertThat(value(brightwater, "2026-09", "revenue")).isEqualByComparingTo("5150.50");
        assertThat(value(chaos, "2026-09", "disputed_invoices")).isEqualByComparingTo("1");
        assertThat(value(alpine, "2026-09", "invoices_issued")).isNotNull();

        // The scorecard month is filled from the three files: service load, effort and payments.
        for (String field : List.of("new_tickets", "hours_spent", "revenue", "invoices_issued", "late_payments")) {
            assertThat(value(alpine, "2026-09", field)).as(field).isNotNull();
        }
        mvc.perform(get("/api/v1/clients/" + alpine + "/scorecard").param("month", "2026-09").with(manager()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.client_id").value(alpine));
        assertThat(jdbc.queryForObject("select count(*) from import_run where username = ? and file_name = ?",
                Long.class, MANAGER, "connectwise-invoices.csv")).isPositive();
    }

    @Test
    void theApiPreviewsCommitsAndAReImportChangesNothing() throws Exception {
        byte[] tickets = sample("connectwise-tickets");
        // A dry run lists the unknown name and writes nothing.
        mvc.perform(api(tickets, "tickets.csv", true)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("psa.unmatched"))
                .andExpect(jsonPath("$.kind").value("tickets"))
                .andExpect(jsonPath("$.unmatched[*].name", hasItem(name("Slowpay Trading"))));
        assertThat(value(alpine, "2026-09", "new_tickets")).isNull();
        assertThat(jdbc.queryForObject("select count(*) from psa_unmatched where psa_name = ?", Long.class,
                name("Slowpay Trading"))).isOne();

        // Mapped in the request: the map is remembered, the file committed.
        mvc.perform(api(tickets, "tickets.csv", false).param("map", name("Slowpay Trading") + "=" + chaos))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("imported"));
        assertThat(value(alpine, "2026-09", "new_tickets")).isNotNull();
        BigDecimal chaosTickets = value(chaos, "2026-09", "new_tickets");
        assertThat(chaosTickets).isEqualByComparingTo(BigDecimal.valueOf(
                count("connectwise-tickets", "Chaos Events", 2, 8, "2026-09")
                        + count("connectwise-tickets", "Slowpay Trading", 2, 8, "2026-09")));

        // The same file again: nothing changes.
        mvc.perform(api(tickets, "tickets.csv", false)).andExpect(status().isOk())
                .andExpect(jsonPath("$.new").value(0)).andExpect(jsonPath("$.changed").value(0))
                .andExpect(jsonPath("$.already_imported_on").exists());

        // Invoices, then the tickets again: a tickets file never clears revenue.
        mvc.perform(api(sample("connectwise-invoices"), "invoices.csv", false)).andExpect(status().isOk());
        BigDecimal revenue = value(alpine, "2026-09", "revenue");
        assertThat(revenue).isEqualByComparingTo("2240.00");
        mvc.perform(api(tickets, "tickets-again.csv", false)).andExpect(status().isOk());
        assertThat(value(alpine, "2026-09", "revenue")).isEqualByComparingTo(revenue);
    }

    @Test
    void namesIgnoredThroughTheApiStayIgnoredAndTheQueueRemembers() throws Exception {
        byte[] time = sample("connectwise-time");
        mvc.perform(api(time, "time.csv", true)).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/imports/psa/queue").with(manager())).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString(name("Slowpay Trading"))));
        mvc.perform(api(time, "time.csv", false).param("unmatched", "ignore")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("imported"));
        // Off the queue, and the next upload does not ask again.
        assertThat(jdbc.queryForObject("select count(*) from psa_unmatched where psa_name = ?", Long.class,
                name("Slowpay Trading"))).isZero();
        mvc.perform(api(time, "time.csv", true)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("preview"));
    }

    @Test
    void autotaskTimeEntriesFindTheirClientThroughTheTicketsImportedBefore() throws Exception {
        // Autotask writes company ids, not names: the clients' external references, and tickets by id only.
        String prefix = "AT" + tag + "-";
        jdbc.update("update client set external_ref = ? where id = ?", prefix + "1", alpine);
        jdbc.update("update client set external_ref = ? where id = ?", prefix + "2", brightwater);
        jdbc.update("update client set external_ref = ? where id = ?", prefix + "3", chaos);
        byte[] tickets = new String(sample("autotask-tickets"), StandardCharsets.UTF_8).replace("2968430", prefix)
                .getBytes(StandardCharsets.UTF_8);
        mvc.perform(api(tickets, "autotask-tickets.csv", false).param("unmatched", "ignore"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("imported"))
                .andExpect(jsonPath("$.layout").value("autotask-tickets"));
        assertThat(value(alpine, "2026-09", "new_tickets")).isNotNull();
        long remembered = jdbc.queryForObject("select count(*) from psa_ticket where client_ref = ?", Long.class,
                prefix + "1");
        assertThat(remembered).isEqualTo(rows("autotask-tickets").stream().filter(r -> r[2].equals("29684301")).count());

        mvc.perform(api(sample("autotask-time"), "autotask-time.csv", false)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("imported")).andExpect(jsonPath("$.kind").value("time_entries"));
        assertThat(value(alpine, "2026-09", "hours_spent")).isNotNull().isPositive();
    }

    @Test
    void anExcelExportIsReadLikeItsCsv() throws Exception {
        mvc.perform(api(xlsx(sample("connectwise-invoices")), "invoices.xlsx", true).param("unmatched", "ignore"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("invoices"))
                .andExpect(jsonPath("$.format").value(org.hamcrest.Matchers.startsWith("xlsx")))
                .andExpect(jsonPath("$.fields", hasItem("revenue")));
    }

    @Test
    void badFilesGetClearMessages() throws Exception {
        byte[] tickets = sample("connectwise-tickets");
        // The wrong kind: a tickets file read as invoices lacks what invoices need.
        mvc.perform(api(tickets, "tickets.csv", true).param("kind", "invoices"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("psa.missing_required"))
                .andExpect(jsonPath("$.missing_required", hasItem("INVOICE_DATE")));
        // A required column missing.
        String withoutOpened = new String(tickets, StandardCharsets.UTF_8).replace("dateEntered", "whenever");
        mvc.perform(api(withoutOpened.getBytes(StandardCharsets.UTF_8), "no-opened.csv", true))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.missing_required", hasItem("OPENED")))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("OPENED")));
        // Dates that could be either order are asked about, never guessed.
        String ambiguous = "Ticket #;Client;Opened\n1;" + name("Alpine Dental Group") + ";03/04/2026\n2;"
                + name("Alpine Dental Group") + ";05/06/2026\n";
        mvc.perform(api(ambiguous.getBytes(StandardCharsets.UTF_8), "ambiguous.csv", true))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.date_order_needed").value(true));
        mvc.perform(api(ambiguous.getBytes(StandardCharsets.UTF_8), "ambiguous.csv", true).param("date_order", "day_first"))
                .andExpect(jsonPath("$.date_order").value("day_first"))
                .andExpect(jsonPath("$.date_order_needed").doesNotExist());

        // On the page, in both languages.
        String token = uploadBytes(withoutOpened.getBytes(StandardCharsets.UTF_8), "no-opened.csv");
        await(token);
        String english = page("/imports/psa/" + token + "?lang=en");
        assertThat(english).contains("A required column is not assigned: OPENED");
        String italian = page("/imports/psa/" + token + "?lang=it");
        assertThat(italian).contains("Una colonna obbligatoria non è assegnata: OPENED");
        String ambiguousToken = uploadBytes(ambiguous.getBytes(StandardCharsets.UTF_8), "ambiguous.csv");
        await(ambiguousToken);
        assertThat(page("/imports/psa/" + ambiguousToken + "?lang=en")).contains("id=\"psa-ask-date-order\"",
                "could be read day first or month first");
        assertThat(page("/imports/psa/" + ambiguousToken + "?lang=it")).contains("con il giorno o con il mese prima");
    }

    @Test
    void onlyTheOwnerChangesTheSettingsThatChangeMoneyFigures() throws Exception {
        TestUsers.ensure("psa-owner", "OWNER");
        long source = jdbc.queryForObject("""
                insert into psa_source (name, psa, settings, created_by, created_at, updated_at)
                values (?, 'generic', '{"ticketCategories":{},"disputedStatuses":["Disputed"],"excludedInvoiceTypes":["Hardware"],
                    "hourlyCostByRole":{},"invoiceHistoryMonths":3}'::jsonb, 'test', now(), now()) returning id""",
                Long.class, "settings " + tag);
        mvc.perform(post("/imports/psa/sources/" + source).param("name", "settings " + tag).param("version", "0")
                .param("categoryKey0", "board:Security").param("category0", "SECURITY_INCIDENT")
                .param("disputed", "Disputed\nOn hold").param("hourlyCost", "99").param("historyMonths", "4")
                .with(csrf()).with(manager())).andExpect(status().is3xxRedirection());
        String settings = jdbc.queryForObject("select settings::text from psa_source where id = ?", String.class, source);
        assertThat(settings).contains("board:Security", "On hold", "\"invoiceHistoryMonths\": 4")
                .doesNotContain("99");
        mvc.perform(post("/imports/psa/sources/" + source).param("name", "settings " + tag).param("version", "1")
                .param("disputed", "Disputed").param("hourlyCost", "45,50").param("historyMonths", "3")
                .param("lang", "it").locale(Locale.ITALIAN).with(csrf()).with(user("psa-owner").roles("OWNER")))
                .andExpect(status().is3xxRedirection());
        assertThat(new BigDecimal(jdbc.queryForObject("select settings->>'hourlyCost' from psa_source where id = ?",
                String.class, source))).isEqualByComparingTo("45.50");
        // A stale form is refused, not merged.
        mvc.perform(post("/imports/psa/sources/" + source).param("name", "settings " + tag).param("version", "0")
                .param("historyMonths", "3").with(csrf()).with(user("psa-owner").roles("OWNER")))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .content().string(org.hamcrest.Matchers.containsString("Someone saved this source")));
    }

    @Test
    void staffMayNotImport() throws Exception {
        mvc.perform(api(sample("connectwise-tickets"), "t.csv", true).with(user("psa-staff").roles("STAFF")))
                .andExpect(status().isForbidden());
    }

    // --- helpers

    private long client(String company, long manager) {
        return jdbc.queryForObject("insert into client (name, account_manager_id) values (?, ?) returning id",
                Long.class, name(company), manager);
    }

    private String name(String company) {
        return company + " " + tag;
    }

    private byte[] sample(String id) throws IOException {
        String text;
        try (InputStream in = Samples.byId(id).orElseThrow().open()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String company : COMPANIES) {
            text = text.replace(company, name(company));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Rows of the sample naming {@code company} whose date column starts with {@code month}. */
    private long count(String id, String company, int companyColumn, int dateColumn, String month) throws IOException {
        return rows(id).stream().filter(r -> r[companyColumn].equals(company) && r[dateColumn].startsWith(month)).count();
    }

    private BigDecimal sum(String id, String company, int companyColumn, int dateColumn, int valueColumn, String month)
            throws IOException {
        return rows(id).stream().filter(r -> r[companyColumn].equals(company) && r[dateColumn].startsWith(month))
                .map(r -> new BigDecimal(r[valueColumn])).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private List<String[]> rows(String id) throws IOException {
        try (InputStream in = Samples.byId(id).orElseThrow().open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).map(l -> l.split(",", -1))
                    .toList();
        }
    }

    private BigDecimal value(long clientId, String month, String field) {
        return jdbc.query("select " + field + " from monthly_snapshot where client_id = ? and month = ?::date",
                (rs, n) -> rs.getBigDecimal(1), clientId, month + "-01").stream().filter(v -> v != null).findFirst()
                .orElse(null);
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor manager() {
        return user(MANAGER).roles("ACCOUNT_MANAGER");
    }

    private MockMultipartHttpServletRequestBuilder api(byte[] content, String fileName, boolean dryRun) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports");
        request.file(new MockMultipartFile("file", fileName, "text/csv", content));
        return request.param("dry_run", String.valueOf(dryRun)).with(manager());
    }

    private String upload(String sampleId) throws Exception {
        return uploadBytes(sample(sampleId), sampleId + ".csv");
    }

    private String uploadBytes(byte[] content, String fileName) throws Exception {
        MvcResult result = mvc.perform(multipart("/imports/psa")
                .file(new MockMultipartFile("file", fileName, "text/csv", content)).with(csrf()).with(manager()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/imports/psa/");
        return location.substring("/imports/psa/".length());
    }

    /** The preview or commit page once its background job is done. */
    private String await(String token) throws Exception {
        for (int i = 0; i < 300; i++) {
            String body = page("/imports/psa/" + token);
            if (!body.contains("id=\"import-progress\"")) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The import job did not finish");
    }

    private String page(String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(manager())).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private void commit(String token, String page) throws Exception {
        Matcher fingerprint = Pattern.compile("name=\"fingerprint\" value=\"([0-9a-f]+)\"").matcher(page);
        assertThat(fingerprint.find()).as("the page offers a commit").isTrue();
        mvc.perform(post("/imports/psa/" + token + "/commit").param("fingerprint", fingerprint.group(1)).with(csrf())
                .with(manager())).andExpect(status().is3xxRedirection());
        assertThat(await(token)).contains("id=\"import-done\"");
    }

    /** The CSV as a workbook, written by POI as Excel would: numbers as numbers, the rest as text. */
    private static byte[] xlsx(byte[] csv) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Export");
            List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
            for (int r = 0; r < lines.size(); r++) {
                var row = sheet.createRow(r);
                String[] cells = lines.get(r).split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    if (r > 0 && cells[c].matches("-?\\d+\\.\\d+")) {
                        row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                    }
                    else {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
