package com.mspscorecard.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/** The import page tells an Italian reader, in Italian, why rows and files cannot be imported. */
@SpringBootTest
@AutoConfigureMockMvc
class ImportPageLanguageIntegrationTests {

    static final String MANAGER = "imp-lang-am";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ImportJobs jobs;

    @Autowired
    ImportCapacity capacity;

    String acme;

    @BeforeEach
    void client() {
        TestUsers.ensure(MANAGER, "ACCOUNT_MANAGER");
        acme = "imp-lang " + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("insert into client (name) values (?)", acme);
    }

    @Test
    void rowErrorsReadInTheLanguageOfThePage() throws Exception {
        // The duplicate names a line past 999, which must read 1202 in both languages, not 1,202 or 1.202.
        String preview = upload("client,month,new_tickets,recommendations_made,recommendations_implemented,"
                + "recommendations_ignored\n" + acme + ",2025-01,-3,,,\n" + "\n".repeat(1199)
                + acme + ",2025-02,1,2,2,1\n" + acme + ",2025-03,1,,,\n" + acme + ",2025-03,2,,,\n"
                + "imp-lang-nobody,2025-01,1,,,\n");

        String italian = page(preview + "?lang=it");
        assertThat(italian).contains(
                "new_tickets non può essere negativo.",
                "Attuate (2) più ignorate (1) superano le raccomandazioni date (2).",
                acme + " ha già una riga per 2025-03 alla riga 1203; tienine solo una.",
                "Nessun cliente ha il nome o il riferimento esterno \"imp-lang-nobody\". Controlla come è scritto, "
                        + "crea prima il cliente oppure spunta \"Crea i clienti mancanti\".")
                .doesNotContain("cannot be negative", "already has a row", "No client has");

        String english = page(preview + "?lang=en");
        assertThat(english).contains(
                "new_tickets cannot be negative.",
                "Implemented (2) plus ignored (1) is more than the recommendations made (2).",
                acme + " already has a row for 2025-03 on line 1203; keep only one.",
                "No client has the name or external reference \"imp-lang-nobody\". Check the spelling, create the "
                        + "client first, or tick \"create missing clients\".")
                .doesNotContain("non può essere negativo");
    }

    /** Issue 13 item 7: field labels, numbers and counts as the reader's language writes them. */
    @Test
    void thePreviewNamesFieldsWritesNumbersAndCountsInTheLanguageOfThePage() throws Exception {
        jdbc.update("insert into monthly_snapshot (client_id, month, revenue) select id, '2025-01-01', 1500 from client "
                + "where name = ?", acme);
        String preview = upload("client,month,revenue\n" + acme + ",2025-01,2480.5\n");

        assertThat(page(preview + "?lang=it")).contains("Ricavi", "1500,00 → 2480,50");
        assertThat(page(preview + "?lang=en")).contains("Revenue", "1500.00 → 2480.50");

        String refused = upload("client,month,new_tickets\n" + acme + ",2025-02,-1\n");
        assertThat(page(refused + "?lang=it")).contains("Il file ha 1 errore in 1 riga.");
        assertThat(page(refused + "?lang=en")).contains("The file has 1 error in 1 row.");
    }

    @Test
    void whyAFileIsRefusedReadsInTheLanguageOfThePage() throws Exception {
        String preview = upload("month,new_tickets\n2025-01,3\n");

        assertThat(page(preview + "?lang=it")).contains("Questo file non può essere importato.",
                "La riga di intestazione (riga 1) non ha la colonna \"client\". La prima riga deve dare il nome alle "
                        + "colonne, per esempio: client,month,new_tickets. Trovato: month, new_tickets.");
        assertThat(page(preview + "?lang=en")).contains("This file cannot be imported.",
                "The header row (line 1) has no \"client\" column.");
    }

    @Test
    void aClashOfChosenSeparatorsIsExplainedInTheLanguageOfThePage() throws Exception {
        String preview = upload("client,month\n" + acme + ",2025-01\n");
        String token = preview.substring(preview.lastIndexOf('/') + 1);

        // The page offers a comma as delimiter and as decimal separator; choosing both is refused.
        mvc.perform(post(preview + "/preview").param("delimiter", "comma").param("decimal", "comma")
                        .with(manager()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        awaitDone(token);

        assertThat(page(preview + "?lang=it")).contains("Il separatore decimale non può essere anche il separatore di campo");
        assertThat(page(preview + "?lang=en")).contains("The decimal separator cannot also be the delimiter");
    }

    @Test
    void aCommitThatLostARaceSaysSoInTheLanguageOfThePage() throws Exception {
        String token = "lang-" + UUID.randomUUID();
        // What ImportService answers when a form stored a month of the file while it was being written.
        finish(token, new ImportOutcome(ImportOutcome.Status.STALE, null, new ImportOutcome.FileProblem(
                "import.concurrent_change", "Someone stored figures …", ImportService.CONCURRENT_CHANGE, List.of()),
                null));

        assertThat(page("/imports/" + token + "?lang=it")).contains("Qualcuno ha salvato dei dati per un cliente e un "
                + "mese di questo file mentre veniva scritto; nulla è stato scritto. Rifai l'anteprima del file.")
                .doesNotContain("Ecco una nuova anteprima");
        assertThat(page("/imports/" + token + "?lang=en")).contains("Someone stored figures for a client and month "
                + "of this file while it was being written; nothing was written. Preview the file again.");
    }

    @Test
    void aProblemWithoutATranslationFallsBackToItsEnglishMessage() throws Exception {
        String token = "lang-" + UUID.randomUUID();
        finish(token, new ImportOutcome(ImportOutcome.Status.REJECTED, null, new ImportOutcome.FileProblem(
                "file.unheard_of", "A problem no text was written for.", "importing.problem.unheard_of", List.of()),
                null));

        assertThat(page("/imports/" + token + "?lang=it")).contains("Questo file non può essere importato.",
                "A problem no text was written for.");
    }

    /** Uploads on the page and waits for the preview; returns the preview's address. */
    private String upload(String csv) throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "imp-lang.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        String location = mvc.perform(multipart("/imports").file(file).with(manager()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/imports/");
        awaitDone(location.substring("/imports/".length()));
        return location;
    }

    private void awaitDone(String token) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (jobs.find(token, MANAGER).map(ImportJobs.Job::running).orElse(true)) {
            assertThat(System.nanoTime()).as("the preview finishes").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private void finish(String token, ImportOutcome outcome) throws InterruptedException {
        jobs.start(token, MANAGER, true, 0, capacity.tryAcquire(), progress -> outcome);
        awaitDone(token);
    }

    /** The page as a reader sees its text, entities decoded. */
    private String page(String path) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(get(path).with(manager())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static RequestPostProcessor manager() {
        return user(MANAGER).roles("ACCOUNT_MANAGER");
    }
}
