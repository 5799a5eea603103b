package com.mspscorecard.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.mspscorecard.scoring.ScoringService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reports as their readers get them: downloaded, opened with PDFBox, their text read. One page
 * each, even for a client with three years of history and thirty incidents; the client-facing
 * version in both languages leaves out every grade, verdict, conduct word, incident and vote.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClientReportsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScoringService scoring;

    @Autowired
    MessageSource messages;

    long longHistory;

    @BeforeEach
    void portfolio() {
        ReportPortfolio.ensure(jdbc, scoring);
        longHistory = ReportPortfolio.id(jdbc, ReportPortfolio.LONG);
    }

    @Test
    void theInternalReportHasTheVerdictTheBreakdownAndTheIncidentsOnOnePage() throws Exception {
        String en = text(pdf(ReportPortfolio.OWNER, "OWNER", longHistory, "internal", "en"));
        assertThat(en).contains(ReportPortfolio.LONG, "Client report", "December 2013", "Internal: not for the client",
                "Offboard", "Dealbreakers", "Abusive treatment", "How the score is made", "Late payments",
                "Security incidents", "Red-flag incidents", "Score, month by month", "Account manager: rep-manager",
                "tickets handled", "Service delivered, Oct 2013 – Dec 2013");
        // Thirty incidents in the window: the newest six, and the count of the rest.
        assertThat(en).contains("and 24 more");
        // Only the date and the category of an incident, never what was written about it.
        assertThat(en).doesNotContain(ReportPortfolio.INCIDENT_TEXT);

        String it = text(pdf(ReportPortfolio.MANAGER, "ACCOUNT_MANAGER", longHistory, "internal", "it"));
        assertThat(it).contains("Report del cliente", "dicembre 2013", "Interno: non per il cliente", "e altri 24",
                messages.getMessage("dashboard.recommendation.OFFBOARD", null, Locale.ITALIAN),
                messages.getMessage("scoring.dealbreaker.abusive_treatment", null, Locale.ITALIAN));
        assertThat(it).doesNotContain("Client report", "December");
    }

    @Test
    void theClientReportShowsTheServiceDeliveredAndNeverAGradeAVerdictConductIncidentsOrVotes() throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.ITALIAN)) {
            String text = text(pdf(ReportPortfolio.OWNER, "OWNER", longHistory, "client", locale.getLanguage()));
            assertThat(text).as(locale + ": the client and the service")
                    .contains(ReportPortfolio.LONG, message("reports.client.title", locale),
                            message("reports.figure.tickets", locale), message("reports.figure.security", locale),
                            message("reports.client.row.implemented", locale),
                            // the quarter: 70 + 71 + 72 tickets, 9 of them reopened each month (27 ÷ 213)
                            "213", locale == Locale.ENGLISH ? "12.7%" : "12,7%",
                            // the review's topics, in client-safe words: payment and security, nothing on conduct
                            message("reports.topic.payment", locale), message("reports.topic.security", locale));
            // Twelve months of trend, January to December 2013.
            assertThat(text).contains(locale == Locale.ENGLISH ? "Jan 13" : "gen 13", locale == Locale.ENGLISH ? "Dec 13" : "dic 13");
            List<String> forbidden = new ArrayList<>(List.of(ReportPortfolio.INCIDENT_TEXT, "offboard", "Offboard",
                    "disdetta", "Disdetta", "dealbreaker", "Dealbreaker", "vote", "Vote", "voto", "Voto", "voti",
                    "grade", "Grade", "giudizio", "Giudizio", "score", "Score", "punteggio", "Punteggio", "incident",
                    "Incident", "red-flag", "Red-flag", "abusive", "Abusive", "abuso", "disrespect", "Disrespect",
                    "Internal", "Interno", "relationship", "rapporto"));
            for (String prefix : List.of("dashboard.recommendation.", "dashboard.incident.", "scoring.dealbreaker.")) {
                for (String key : List.of("OFFBOARD", "CONSIDER_OFFBOARDING", "RAISE_PRICE", "WATCH", "KEEP",
                        "ABUSIVE_TREATMENT", "DISRESPECT_OF_EXPERTISE", "UNREASONABLE_DEMANDS", "SECURITY_NEGLIGENCE",
                        "ERRATIC_COMMUNICATION", "abusive_treatment", "disrespect", "recurring_late_payments",
                        "repeated_security_alarms")) {
                    String label = messages.getMessage(prefix + key, null, null, locale);
                    if (label != null) {
                        forbidden.add(label);
                    }
                }
            }
            assertThat(text).as(locale + ": nothing internal").doesNotContain(forbidden);
            // No grade letter standing on its own (month names and words are longer).
            assertThat(text).as(locale + ": no grade letter").doesNotContainPattern("(?m)(^|\\s)[A-DF](\\s|$)");
        }
    }

    @Test
    void everyVersionIsOnePageAndAClientWithoutTopicsIsThankedInstead() throws Exception {
        long quiet = ReportPortfolio.id(jdbc, ReportPortfolio.QUIET);
        for (String audience : List.of("internal", "client")) {
            for (String language : List.of("en", "it")) {
                for (long id : List.of(longHistory, quiet)) {
                    byte[] pdf = pdf(ReportPortfolio.OWNER, "OWNER", id, audience, language);
                    try (PDDocument document = Loader.loadPDF(pdf)) {
                        assertThat(document.getNumberOfPages()).as("%s %s %d", audience, language, id).isEqualTo(1);
                    }
                }
            }
        }
        assertThat(text(pdf(ReportPortfolio.OWNER, "OWNER", quiet, "client", "en")))
                .contains("Nothing to raise from our side").doesNotContain("Invoices and their due dates");
    }

    @Test
    void onlyOwnersAndAccountManagersGetReportsAndAMissingMonthOrClientIsSaidPlainly() throws Exception {
        String url = "/clients/" + longHistory + "/scorecard/report.pdf?month=2013-12";
        MockHttpServletResponse staff = mvc.perform(get(url).with(user(ReportPortfolio.STAFF).roles("STAFF")))
                .andReturn().getResponse();
        assertThat(staff.getStatus()).isEqualTo(403);
        assertThat(String.valueOf(staff.getContentType())).doesNotContain("pdf");

        MockHttpServletResponse none = mvc.perform(get("/clients/" + longHistory + "/scorecard/report.pdf?month=2010-05")
                .with(user(ReportPortfolio.OWNER).roles("OWNER"))).andReturn().getResponse();
        assertThat(none.getStatus()).isEqualTo(404);
        assertThat(none.getContentType()).startsWith("text/html");
        assertThat(none.getContentAsString()).contains("has no scorecard for May 2010, so there is no report for that month");

        MockHttpServletResponse unknown = mvc.perform(get("/clients/999999999/scorecard/report.pdf")
                .with(user(ReportPortfolio.OWNER).roles("OWNER"))).andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(String.valueOf(unknown.getContentType())).doesNotContain("pdf");

        // Without a month: the client's latest scored month; the file says whose, when, which version.
        MockHttpServletResponse latest = mvc.perform(get("/clients/" + longHistory + "/scorecard/report.pdf?audience=client")
                .with(user(ReportPortfolio.MANAGER).roles("ACCOUNT_MANAGER"))).andReturn().getResponse();
        assertThat(latest.getStatus()).isEqualTo(200);
        assertThat(latest.getContentType()).isEqualTo("application/pdf");
        assertThat(latest.getHeader("Content-Disposition")).contains("attachment").contains("2013-12-client-en.pdf");
    }

    @Test
    void downloadAllZipsOneReportPerClientTheManagersOwnUnlessAllAreAskedFor() throws Exception {
        List<String> own = zip(ReportPortfolio.MANAGER, "ACCOUNT_MANAGER", "");
        assertThat(own).containsExactly(
                ReportPortfolio.LONG.replace("&", "_") + "-2013-12-client-en.pdf", ReportPortfolio.QUIET + "-2013-12-client-en.pdf");
        List<String> all = zip(ReportPortfolio.MANAGER, "ACCOUNT_MANAGER", "&clients=all");
        assertThat(all).contains(own.get(0), own.get(1), "rep-Other Manager_s Client-2013-12-client-en.pdf");
        assertThat(zip(ReportPortfolio.OWNER, "OWNER", "")).containsExactlyElementsOf(all);

        MockHttpServletResponse nothing = mvc.perform(get("/scorecards/reports.zip?month=2010-05")
                .with(user(ReportPortfolio.MANAGER).roles("ACCOUNT_MANAGER"))).andReturn().getResponse();
        assertThat(nothing.getStatus()).isEqualTo(404);
        assertThat(nothing.getContentAsString()).contains("None of your clients has a scorecard for May 2010.");
        assertThat(mvc.perform(get("/scorecards/reports.zip?month=2013-12").with(user(ReportPortfolio.STAFF).roles("STAFF")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    /** The zip's entry names, each checked to be a one-page PDF. */
    private List<String> zip(String username, String role, String more) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/scorecards/reports.zip?month=2013-12&audience=client&language=en" + more)
                .with(user(username).roles(role))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                try (PDDocument document = Loader.loadPDF(zip.readAllBytes())) {
                    assertThat(document.getNumberOfPages()).as(entry.getName()).isEqualTo(1);
                }
                if (entry.getName().startsWith("rep-")) {
                    names.add(entry.getName());
                }
            }
        }
        return names;
    }

    private byte[] pdf(String username, String role, long client, String audience, String language) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/clients/" + client + "/scorecard/report.pdf")
                        .param("month", "2013-12").param("audience", audience).param("language", language)
                        .with(user(username).roles(role)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        return response.getContentAsByteArray();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            return new PDFTextStripper().getText(document);
        }
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
