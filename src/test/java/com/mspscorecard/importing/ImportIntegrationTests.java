package com.mspscorecard.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The import through its API, end to end against PostgreSQL: what is written, and what is not. */
@SpringBootTest
@AutoConfigureMockMvc
class ImportIntegrationTests {

    static final String HEADER = "client,month,new_tickets,revenue,recommendations_made,recommendations_implemented,"
            + "recommendations_ignored\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ImportService imports;

    @Autowired
    javax.sql.DataSource dataSource;

    String acme;
    long acmeId;

    @BeforeEach
    void clients() {
        TestUsers.ensure("imp-owner", "OWNER");
        acme = "imp-Acme " + UUID.randomUUID().toString().substring(0, 8);
        acmeId = jdbc.queryForObject("insert into client (name, external_ref) values (?, ?) returning id", Long.class,
                acme, "REF-" + acme.substring(9));
    }

    static Stream<Arguments> badFiles() {
        String future = YearMonth.now().plusMonths(1).toString();
        return Stream.of(
                Arguments.of("binary file", "PK\u0003\u0004\u0000\u0000\u0001\u0002\u0000\u0000\u0000\u0007", "binary"),
                Arguments.of("empty file", "", "empty"),
                Arguments.of("header only", HEADER, "no data rows"),
                Arguments.of("missing client column", "month,new_tickets\n2025-01,3\n", "no \"client\" column"),
                Arguments.of("missing month column", "client,new_tickets\n%s,3\n", "no \"month\" column"),
                Arguments.of("negative value", HEADER + "%s,2025-01,-3,,,,\n", "cannot be negative"),
                Arguments.of("not a number", HEADER + "%s,2025-01,three,,,,\n", "not a number"),
                Arguments.of("too many decimals", HEADER + "%s,2025-01,3,12.3456,,,\n", "at most 2 decimals"),
                Arguments.of("ambiguous thousands", HEADER + "%s,2025-01,3,12.345,,,\n", "can be read two ways"),
                Arguments.of("future month", HEADER + "%s," + future + ",3,,,,\n", "in the future"),
                Arguments.of("duplicate client and month", HEADER + "%s,2025-01,3,,,,\n%s,2025-01,4,,,,\n",
                        "already has a row"),
                Arguments.of("unknown client", HEADER + "%s,2025-01,3,,,,\nimp-nobody-knows,2025-01,3,,,,\n",
                        "No client has the name"),
                Arguments.of("implemented and ignored exceed made", HEADER + "%s,2025-01,3,,2,2,1\n",
                        "is more than the recommendations made"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRejectedWithAClearMessageAndWritesNothing(String name, String csv, String message) throws Exception {
        String file = csv.replace("%s", acme);
        // A good row first: one bad row must keep it out too.
        mvc.perform(api(file, false, false)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.status").value("rejected"))
                .andExpect(jsonPath("$.errors[*].message", org.hamcrest.Matchers.hasItem(containsString(message))));
        assertThat(snapshotsOf(acmeId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from import_run where sha256 = ?", Long.class,
                ImportAnalysis.sha256Hex(file.getBytes(StandardCharsets.UTF_8)))).isZero();
        assertThat(jdbc.queryForObject("select count(*) from client where lower(name) = 'imp-nobody-knows'",
                Long.class)).isZero();
    }

    @Test
    void rowErrorsNameTheLineColumnAndValue() throws Exception {
        mvc.perform(api(HEADER + acme + ",2025-01,3,,,,\n" + acme + ",2025-02,x7,,,,\n", true, false))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("new_tickets"))
                .andExpect(jsonPath("$.errors[0].value").value("x7"));
    }

    @Test
    void aDryRunPreviewsAndWritesNothing() throws Exception {
        mvc.perform(api(HEADER + acme + ",2025-01,3,100.50,,,\n", true, false)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("preview")).andExpect(jsonPath("$.new").value(1));
        assertThat(snapshotsOf(acmeId)).isZero();
    }

    @Test
    void reImportingTheSameFileChangesNothingAndSaysSo() throws Exception {
        String file = HEADER + acme + ",2025-01,3,100.50,,,\n" + acme + ",2025-02,4,,,,\n";
        mvc.perform(api(file, false, false)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("imported")).andExpect(jsonPath("$.new").value(2));
        long version = version(acmeId, "2025-01-01");
        mvc.perform(api(file, false, false)).andExpect(status().isOk())
                .andExpect(jsonPath("$.new").value(0)).andExpect(jsonPath("$.changed").value(0))
                .andExpect(jsonPath("$.unchanged").value(2))
                .andExpect(jsonPath("$.message", containsString("already imported")));
        assertThat(snapshotsOf(acmeId)).isEqualTo(2);
        assertThat(version(acmeId, "2025-01-01")).isEqualTo(version);
    }

    @Test
    void anAbsentColumnKeepsStoredValuesAndAnEmptyCellClearsThem() throws Exception {
        mvc.perform(api("client,month,new_tickets,revenue,escalations\n" + acme + ",2025-03,3,100.50,2\n", false, false))
                .andExpect(status().isOk());
        // revenue is absent: kept; escalations is empty: cleared; new_tickets changes.
        mvc.perform(api("client;month;new_tickets;escalations\n" + acme + ";2025-03;5;\n", false, false))
                .andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(1));
        Map<String, Object> row = jdbc.queryForMap(
                "select new_tickets, revenue, escalations, version from monthly_snapshot where client_id = ?", acmeId);
        assertThat(row.get("new_tickets")).isEqualTo(5);
        assertThat(row.get("revenue")).hasToString("100.50");
        assertThat(row.get("escalations")).isNull();
        assertThat(row.get("version")).isEqualTo(1);
        // The change is one audit entry naming the fields it changed.
        assertThat(jdbc.queryForList("select c->>'field' from audit_entry, jsonb_array_elements(changes) c "
                + "where entity_type = 'SNAPSHOT' and client_id = ? and action = 'CHANGED'",
                String.class, acmeId)).containsExactlyInAnyOrder("new_tickets", "escalations");
    }

    @Test
    void clientsMatchByExternalReferenceThenByNameIgnoringCase() throws Exception {
        String ref = "REF-" + acme.substring(9);
        mvc.perform(api(HEADER + ref + ",2025-01,1,,,,\n" + acme.toUpperCase() + ",2025-02,2,,,,\n", false, false))
                .andExpect(status().isOk()).andExpect(jsonPath("$.new").value(2));
        assertThat(snapshotsOf(acmeId)).isEqualTo(2);
    }

    @Test
    void missingClientsAreCreatedWhenAskedAndAudited() throws Exception {
        String name = "imp-new " + UUID.randomUUID().toString().substring(0, 8);
        MockMultipartFile file = new MockMultipartFile("file", "new.csv", "text/csv",
                (HEADER + name + ",2025-01,1,,,,\n" + name + ",2025-02,2,,,,\n").getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/imports").file(file).param("dry_run", "false")
                        .param("create_missing_clients", "true").with(user("imp-owner").roles("OWNER")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.clients_created").value(1));
        Long id = jdbc.queryForObject("select id from client where name = ? and status = 'ACTIVE'", Long.class, name);
        assertThat(snapshotsOf(id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'CREATED' "
                + "and entity_type = 'CLIENT' and entity_id = ?", Long.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select file_name from import_run where sha256 = ?", String.class,
                ImportAnalysis.sha256Hex(file.getBytes()))).isEqualTo("new.csv");
    }

    @Test
    void concurrentIdenticalUploadsCreateNoDuplicatesAndNoServerError() throws Exception {
        String name = "imp-race " + UUID.randomUUID().toString().substring(0, 8);
        String file = HEADER + name + ",2025-01,1,,,,\n" + name + ",2025-02,2,,,,\n";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<MvcResult>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                // Beyond the concurrent-import limit a caller is told to try again (503), and does.
                Callable<MvcResult> call = () -> {
                    MvcResult result = mvc.perform(api(file, false, true)).andReturn();
                    while (result.getResponse().getStatus() == 503) {
                        Thread.sleep(50);
                        result = mvc.perform(api(file, false, true)).andReturn();
                    }
                    return result;
                };
                results.add(pool.submit(call));
            }
            for (Future<MvcResult> result : results) {
                assertThat(result.get().getResponse().getStatus()).isEqualTo(200);
            }
        }
        finally {
            pool.shutdown();
        }
        Long id = jdbc.queryForObject("select id from client where lower(name) = lower(?)", Long.class, name);
        assertThat(snapshotsOf(id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select sum(rows_new) from import_run where sha256 = ?", Long.class,
                ImportAnalysis.sha256Hex(file.getBytes(StandardCharsets.UTF_8)))).isEqualTo(2);
    }

    @Test
    void anExportNeutralisesFormulasAndImportsBackUnchanged() throws Exception {
        String evil = "=HYPERLINK(\"http://x\") imp-" + UUID.randomUUID().toString().substring(0, 8);
        long evilId = jdbc.queryForObject("insert into client (name) values (?) returning id", Long.class, evil);
        mvc.perform(api("client,month,new_tickets,revenue,avg_days_to_pay\n\"'" + evil.replace("\"", "\"\"")
                + "\",2025-01,3,1200.50,31.25\n", false, false)).andExpect(status().isOk())
                .andExpect(jsonPath("$.new").value(1));
        String exported = mvc.perform(get("/api/v1/exports/snapshots.csv").param("client", String.valueOf(evilId))
                        .with(user("imp-owner").roles("OWNER")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("\"'=HYPERLINK(")))
                .andExpect(content().string(not(containsString(",=HYPERLINK"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(exported.lines()).hasSize(2);
        mvc.perform(api(exported, false, false)).andExpect(status().isOk())
                .andExpect(jsonPath("$.unchanged").value(1)).andExpect(jsonPath("$.new").value(0))
                .andExpect(jsonPath("$.changed").value(0));
    }

    @Test
    void aCommitIsRefusedWhenTheDataChangedSinceThePreview() {
        byte[] file = (HEADER + acme + ",2025-01,9,,,,\n").getBytes(StandardCharsets.UTF_8);
        jdbc.update("insert into monthly_snapshot (client_id, month, new_tickets) values (?, '2025-01-01', 1)", acmeId);
        ImportOptions options = ImportOptions.defaults(false);
        ImportOutcome preview = imports.preview(file, options, new ImportProgress(1));
        assertThat(preview.preview().changedRows).isEqualTo(1);
        // Someone else saves the month in between.
        jdbc.update("update monthly_snapshot set new_tickets = 2, version = version + 1 where client_id = ?", acmeId);
        ImportOutcome commit = asOwner(() -> imports.commit("imp-owner", "stale.csv", file, options,
                preview.preview().fingerprint, new ImportProgress(1)));
        assertThat(commit.status()).isEqualTo(ImportOutcome.Status.STALE);
        assertThat(jdbc.queryForObject("select new_tickets from monthly_snapshot where client_id = ?", Integer.class,
                acmeId)).isEqualTo(2);
        // The fresh preview can be confirmed.
        ImportOutcome again = asOwner(() -> imports.commit("imp-owner", "stale.csv", file, options,
                commit.preview().fingerprint, new ImportProgress(1)));
        assertThat(again.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(jdbc.queryForObject("select new_tickets from monthly_snapshot where client_id = ?", Integer.class,
                acmeId)).isEqualTo(9);
    }

    @Test
    void aMonthStoredBySomeoneElseWhileTheImportWritesRefusesTheWholeImport() throws Exception {
        byte[] file = (HEADER + acme + ",2025-05,3,100.50,,,\n" + acme + ",2025-06,4,,,,\n")
                .getBytes(StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (java.sql.Connection other = dataSource.getConnection()) {
            // A form saves June in a transaction of its own that has not committed yet: the import's
            // check cannot see it, so June counts as new, and writing it waits for that transaction.
            other.setAutoCommit(false);
            try (java.sql.PreparedStatement insert = other.prepareStatement(
                    "insert into monthly_snapshot (client_id, month, new_tickets) values (?, '2025-06-01', 9)")) {
                insert.setLong(1, acmeId);
                insert.executeUpdate();
            }
            Future<ImportOutcome> importing = pool.submit(() -> asOwner(() -> imports.commit("imp-owner", "race.csv",
                    file, ImportOptions.defaults(false), null, new ImportProgress(2))));
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (jdbc.queryForObject("""
                    select count(*) from pg_stat_activity
                    where datname = current_database() and wait_event_type = 'Lock' and query ilike 'copy%'""",
                    Long.class) == 0) {
                assertThat(System.nanoTime()).as("the import reaches the month the form holds").isLessThan(deadline);
                assertThat(importing.isDone()).as("the import waits for the form").isFalse();
                Thread.sleep(20);
            }
            other.commit();
            ImportOutcome outcome = importing.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.STALE);
            assertThat(ImportResult.of(outcome, null).message()).contains("Preview the file again");
        } finally {
            pool.shutdownNow();
        }
        // May was not written either, and June keeps the form's figure.
        assertThat(snapshotsOf(acmeId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select new_tickets from monthly_snapshot where client_id = ?", Integer.class,
                acmeId)).isEqualTo(9);
        assertThat(jdbc.queryForObject("select count(*) from import_run where file_name = 'race.csv' and sha256 = ?",
                Long.class, ImportAnalysis.sha256Hex(file))).isZero();
    }

    @Test
    void aFileOverTwentyMegabytesIsRefusedWithAMessage() throws Exception {
        StringBuilder big = new StringBuilder(HEADER);
        String row = acme + ",2025-01,3,,,,\n";
        while (big.length() <= 20 * 1024 * 1024) {
            big.append(row);
        }
        mvc.perform(api(big.toString(), true, false)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].message", containsString("larger than 20 MB")));
    }

    @Test
    void theTemplateHasEveryColumnAndImportsAsItIs() throws Exception {
        String template = mvc.perform(get("/imports/template.csv").with(user("imp-owner").roles("OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(template.lines().findFirst().orElseThrow()).contains("client,month,new_tickets").contains("endpoints");
        mvc.perform(api(template, true, true)).andExpect(status().isOk()).andExpect(jsonPath("$.rows").value(1));
    }

    /**
     * Both templates the import page offers (comma and decimal point; Excel in Italian: semicolon,
     * decimal comma, BOM) import unchanged and store the same figures; importing the other one
     * afterwards changes nothing.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "comma", "excel-it" })
    void eachTemplateImportsUnchangedAndTheOtherOneThenChangesNothing(String format) throws Exception {
        jdbc.update("delete from monthly_snapshot where client_id in (select id from client where name = ?)",
                com.mspscorecard.importing.csv.CsvTemplate.EXAMPLE_CLIENT);
        String template = mvc.perform(get("/imports/template.csv").param("format", format)
                        .with(user("imp-owner").roles("OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String other = mvc.perform(get("/imports/template.csv").param("format", format.equals("comma") ? "excel-it" : "comma")
                        .with(user("imp-owner").roles("OWNER")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        if (format.equals("excel-it")) {
            assertThat(template).startsWith("\uFEFFclient;month;new_tickets").contains(";32,50;4200,00;");
        }
        else {
            assertThat(template).startsWith("client,month,new_tickets").contains(",32.50,4200.00,");
        }

        mvc.perform(api(template, false, true)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("imported")).andExpect(jsonPath("$.rows").value(1));
        Map<String, Object> stored = jdbc.queryForMap("""
                select s.avg_days_to_pay, s.revenue, s.hours_spent, s.endpoints from monthly_snapshot s
                join client c on c.id = s.client_id where c.name = ?""",
                com.mspscorecard.importing.csv.CsvTemplate.EXAMPLE_CLIENT);
        assertThat(stored).containsEntry("avg_days_to_pay", new java.math.BigDecimal("32.50"))
                .containsEntry("revenue", new java.math.BigDecimal("4200.00"))
                .containsEntry("hours_spent", new java.math.BigDecimal("41.25")).containsEntry("endpoints", 40);
        mvc.perform(api(other, true, true)).andExpect(status().isOk()).andExpect(jsonPath("$.unchanged").value(1))
                .andExpect(jsonPath("$.changed").value(0));
    }

    /** Excel in Italian with thousands dots, as issue 13 found it refused row by row: read as written. */
    @Test
    void aSemicolonFileWithDecimalCommasAndThousandsDotsImports() throws Exception {
        String csv = "client;month;revenue;delivery_cost;new_tickets\n" + acme + ";2025-03;2.480,50;1.250;1.234\n";

        mvc.perform(api(csv, false, false)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("imported"));
        assertThat(jdbc.queryForMap("select revenue, delivery_cost, new_tickets from monthly_snapshot where client_id = ? "
                + "and month = '2025-03-01'", acmeId))
                .containsEntry("revenue", new java.math.BigDecimal("2480.50"))
                .containsEntry("delivery_cost", new java.math.BigDecimal("1250.00"))
                .containsEntry("new_tickets", 1234);
    }

    private MockHttpServletRequestBuilder api(String csv, boolean dryRun, boolean createMissing) {
        return post("/api/v1/imports").param("dry_run", String.valueOf(dryRun))
                .param("create_missing_clients", String.valueOf(createMissing)).contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8)).with(user("imp-owner").roles("OWNER"));
    }

    private long snapshotsOf(long clientId) {
        return jdbc.queryForObject("select count(*) from monthly_snapshot where client_id = ?", Long.class, clientId);
    }

    private long version(long clientId, String month) {
        return jdbc.queryForObject("select version from monthly_snapshot where client_id = ? and month = ?::date",
                Long.class, clientId, month);
    }

    private static <T> T asOwner(java.util.function.Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "imp-owner", null, AuthorityUtils.createAuthorityList("ROLE_OWNER")));
        try {
            return work.get();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}
