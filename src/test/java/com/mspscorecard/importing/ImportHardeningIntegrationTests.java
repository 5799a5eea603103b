package com.mspscorecard.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * What the attack and fault audit broke in the import, through the API and the page: errors that
 * grow without bound, echoed cells, and imports beyond what the server can hold at once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportHardeningIntegrationTests {

    static final String MANAGER = "imp-hard-am";

    /** Every column of the template: a row of "x" in each is 16 cell errors, plus the month's. */
    static final String HEADER = String.join(",", com.mspscorecard.importing.csv.CsvExport.header()) + "\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ImportJobs jobs;

    @Autowired
    ImportCapacity capacity;

    String acme;
    long acmeId;

    @BeforeEach
    void client() {
        TestUsers.ensure(MANAGER, "ACCOUNT_MANAGER");
        acme = "imp-hard " + UUID.randomUUID().toString().substring(0, 8);
        acmeId = jdbc.queryForObject("insert into client (name) values (?) returning id", Long.class, acme);
    }

    /** {@code rows} rows of which every cell is wrong: 18 errors each (unknown client, month, 16 values). */
    static String allInvalid(int rows) {
        StringBuilder csv = new StringBuilder(HEADER);
        String cells = ",x".repeat(16);
        for (int i = 0; i < rows; i++) {
            csv.append("imp-hard-nobody-").append(i).append(",not a month").append(cells).append('\n');
        }
        return csv.toString();
    }

    @Test
    void anAllInvalidFileListsTheFirstThousandErrorsAndCountsTheRest() throws Exception {
        mvc.perform(api(allInvalid(3000), true)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.status").value("rejected"))
                .andExpect(jsonPath("$.errors", hasSize(1000)))
                .andExpect(jsonPath("$.error_count").value(54_000))
                .andExpect(jsonPath("$.errors_truncated").value(true))
                .andExpect(jsonPath("$.message", containsString("The first 1000 are listed, and 53000 more")));
    }

    @Test
    void thePageOfAnAllInvalidFileSaysHowManyMoreErrorsThereAre() throws Exception {
        String preview = upload(allInvalid(3000));

        assertThat(page(preview + "?lang=en")).contains("The file has 54,000 errors in 3,000 rows.",
                "The first 1,000 errors are listed below, and 53,000 more");
        assertThat(page(preview + "?lang=it")).contains("Qui sotto sono elencati i primi 1.000 errori, e altri 53.000");
        // Row 100 is past the first 1,000 errors (18 a row): it is still shown as an error, without its details.
        assertThat(page(preview + "?kind=ERROR&page=1&lang=en")).contains("they are not listed");
    }

    @Test
    void aJobThatDiesOfAnErrorEndsAsFailedWithAMessage() throws Exception {
        String token = "hard-" + UUID.randomUUID();
        jobs.start(token, MANAGER, false, 200_000, capacity.tryAcquire(), progress -> {
            progress.start(ImportProgress.Phase.READING, 200_000);
            progress.advance(158_000);
            throw new OutOfMemoryError("Java heap space");
        });
        awaitDone(token);

        String page = page("/imports/" + token + "?lang=en");
        assertThat(page).contains("The server ran out of memory while checking this file").doesNotContain("158,000 of about");
        assertThat(page("/imports/" + token + "?lang=it")).contains("Il server ha esaurito la memoria");
        // The permit went back with the job: two imports can still run.
        try (ImportCapacity.Permit one = capacity.tryAcquire(); ImportCapacity.Permit two = capacity.tryAcquire()) {
            assertThat(one).isNotNull();
            assertThat(two).isNotNull();
        }
    }

    @Test
    void anyOtherErrorEndsTheJobAsFailedToo() throws Exception {
        String token = "hard-" + UUID.randomUUID();
        jobs.start(token, MANAGER, false, 10, capacity.tryAcquire(), progress -> {
            throw new StackOverflowError();
        });
        awaitDone(token);

        assertThat(page("/imports/" + token + "?lang=en")).contains("The import stopped because of an unexpected error");
    }

    @Test
    void aHugeCellIsEchoedShortenedInTheApiAndThePage() throws Exception {
        String huge = "A".repeat(15 * 1024 * 1024);
        String csv = "client,month,new_tickets\n" + acme + ",2025-01," + huge + "\n";

        MvcResult result = mvc.perform(api(csv, true)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].column").value("new_tickets"))
                .andExpect(jsonPath("$.errors[0].value").value("A".repeat(100) + "…")).andReturn();
        assertThat(result.getResponse().getContentAsByteArray().length).isLessThan(10_000);

        String preview = upload(csv);
        String page = page(preview + "?lang=en");
        assertThat(page).contains("A".repeat(100) + "…").doesNotContain("A".repeat(101));
        assertThat(page.length()).isLessThan(200_000);
        assertThat(snapshots()).isZero();
    }

    @Test
    void atTheLimitOfConcurrentImportsTheApiAsksToRetryAndThePageSaysSo() throws Exception {
        List<ImportCapacity.Permit> held = new ArrayList<>();
        try {
            for (ImportCapacity.Permit permit = capacity.tryAcquire(); permit != null; permit = capacity.tryAcquire()) {
                held.add(permit);
            }
            mvc.perform(api("client,month,new_tickets\n" + acme + ",2025-01,3\n", false))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "30"))
                    .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                    .andExpect(jsonPath("$.detail", containsString("Try again in a minute")));

            MockMultipartFile file = new MockMultipartFile("file", "busy.csv", "text/csv",
                    ("client,month,new_tickets\n" + acme + ",2025-01,3\n").getBytes(StandardCharsets.UTF_8));
            String location = mvc.perform(multipart("/imports").file(file).with(manager()).with(csrf()))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
            assertThat(location).isEqualTo("/imports");
        }
        finally {
            held.forEach(ImportCapacity.Permit::close);
        }
        assertThat(snapshots()).isZero();
        // Once an import has finished, the next one goes through.
        mvc.perform(api("client,month,new_tickets\n" + acme + ",2025-01,3\n", false)).andExpect(status().isOk());
        assertThat(snapshots()).isOne();
    }

    @Test
    void aPreviewWaitingForConfirmationIsKeptOnDiskAndStillShowsItsRows() throws Exception {
        StringBuilder csv = new StringBuilder("client,month,new_tickets\n");
        for (int month = 1; month <= 12; month++) {
            csv.append(acme).append(",2024-").append(String.format("%02d", month)).append(',').append(month).append('\n');
        }
        String preview = upload(csv.toString());
        String token = preview.substring("/imports/".length());

        ImportPreview parked = jobs.find(token, MANAGER).orElseThrow().outcome.preview();
        assertThat(parked.rows).as("rows held in the heap").isNull();
        String page = page(preview + "?kind=NEW&lang=en");
        assertThat(page).contains("2024-01", "2024-12");

        String fingerprint = PreviewPage.Summary.of(parked).fingerprint();
        mvc.perform(post(preview + "/commit").param("fingerprint", fingerprint).with(manager()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        awaitDone(token);
        assertThat(page(preview + "?lang=en")).contains("Imported 12 rows: 12 new");
        assertThat(snapshots()).isEqualTo(12);
    }

    private long snapshots() {
        return jdbc.queryForObject("select count(*) from monthly_snapshot where client_id = ?", Long.class, acmeId);
    }

    private String upload(String csv) throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "imp-hard.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        String location = mvc.perform(multipart("/imports").file(file).with(manager()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/imports/");
        awaitDone(location.substring("/imports/".length()));
        return location;
    }

    private void awaitDone(String token) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (jobs.find(token, MANAGER).map(ImportJobs.Job::running).orElse(true)) {
            assertThat(System.nanoTime()).as("the job finishes").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private String page(String path) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(get(path).with(manager())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpServletRequestBuilder api(String csv, boolean dryRun) {
        return post("/api/v1/imports").param("dry_run", String.valueOf(dryRun)).contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8)).with(user(MANAGER).roles("ACCOUNT_MANAGER"));
    }

    private static RequestPostProcessor manager() {
        return user(MANAGER).roles("ACCOUNT_MANAGER");
    }
}
