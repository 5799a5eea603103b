package com.mspscorecard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import com.mspscorecard.scoring.ScorecardQueries;
import com.mspscorecard.scoring.ScorecardSentences;
import com.mspscorecard.scoring.ScorecardView;
import com.mspscorecard.scoring.ScoringService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/** The engine's sentences on a scorecard page follow the reader's language; the API stays English. */
@SpringBootTest
@AutoConfigureMockMvc
class ScorecardLanguageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScoringService scoring;

    @Autowired
    ScorecardQueries scorecards;

    @Autowired
    ScorecardSentences sentences;

    @BeforeEach
    void portfolio() {
        DashboardPortfolio.ensure(jdbc, scoring);
    }

    private String page(long clientId, String language) throws Exception {
        return mvc.perform(get("/clients/" + clientId + "/scorecard?month=" + DashboardPortfolio.MONTH)
                        .header("Accept-Language", language)
                        .with(user(DashboardPortfolio.OWNER).roles("OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private ScorecardView stored(String client) {
        return scorecards.ofClient(DashboardPortfolio.id(jdbc, client), DashboardPortfolio.MONTH).orElseThrow();
    }

    private ScorecardView english(String client) {
        return sentences.in(stored(client), Locale.ENGLISH);
    }

    @Test
    void anItalianReaderReadsTheReasonsAndTheRuleExplanationsInItalianWithDecimalCommas() throws Exception {
        long pricey = DashboardPortfolio.id(jdbc, "dash-Pricey");
        String html = HtmlUtils.htmlUnescape(page(pricey, "it"));

        assertThat(html).contains("La redditività vale",
                        "Un prezzo mensile di 5100,00 invece di 3000,00 (+2100,00, +70,0%) raggiunge il margine obiettivo del 50%")
                .doesNotContain("Profitability scores", "A monthly price of");
        // Rule by rule, with the Italian decimal comma: 2,550 of 3,000 is a 15.0% margin.
        assertThat(html).contains("Margine lordo 15,0% negli ultimi 3 mesi (buono: 60%, cattivo: 20%) → 0,0 su 100");
        assertThat(html).contains("Margine lordo 15,0% negli ultimi 3 mesi (buono: ", " su 100")
                .doesNotContain("Gross margin 15.0%", " of 100");
    }

    @Test
    void anEnglishReaderReadsExactlyTheSentencesTheApiGives() throws Exception {
        ScorecardView card = english("dash-Pricey");
        String html = HtmlUtils.htmlUnescape(page(card.clientId(), "en"));
        String api = mvc.perform(get("/api/v1/clients/" + card.clientId() + "/scorecard?month=" + DashboardPortfolio.MONTH)
                        .with(user(DashboardPortfolio.OWNER).roles("OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(card.reasons()).isNotEmpty();
        for (ScorecardView.Reason reason : card.reasons()) {
            assertThat(html).contains(reason.text());
            assertThat(api).contains(reason.text());
        }
        for (ScorecardView.RuleLine rule : card.rules()) {
            assertThat(html).contains(rule.explanation().text());
            assertThat(HtmlUtils.htmlUnescape(api)).contains(rule.explanation().text());
        }
        assertThat(html).contains("Gross margin 15.0% over the last 3 months (good: ")
                .doesNotContain("La redditività vale", " su 100");
    }

    @Test
    void storedScorecardsKeepCodesAndArgumentsAndEveryLanguageIsWrittenFromTheBundles() {
        // Store facts, render words: no sentence is stored, in English or otherwise.
        assertThat(jdbc.queryForList("select reasons from client_score", String.class))
                .isNotEmpty()
                .allSatisfy(reasons -> assertThat(reasons)
                        .matches("^([a-z_.]+( [A-Za-z][^ ;]*)*(;[a-z_.]+( [A-Za-z][^ ;]*)*)*)?$"));
        for (String client : new String[] {"dash-Anchor", "dash-Late Payer", "dash-Drain", "dash-Pricey", "dash-Steady"}) {
            ScorecardView stored = stored(client);
            assertThat(stored.reasons()).as(client).isNotEmpty().allSatisfy(r -> assertThat(r.text()).isNull());
            ScorecardView english = sentences.in(stored, Locale.ENGLISH);
            ScorecardView italian = sentences.in(stored, Locale.ITALIAN);
            for (int i = 0; i < english.reasons().size(); i++) {
                assertThat(italian.reasons().get(i).text()).as(client).isNotEqualTo(english.reasons().get(i).text());
            }
            for (int i = 0; i < english.dealbreakers().size(); i++) {
                assertThat(italian.dealbreakers().get(i).text()).as(client)
                        .isNotEqualTo(english.dealbreakers().get(i).text());
            }
            for (int i = 0; i < english.rules().size(); i++) {
                assertThat(italian.rules().get(i).explanation().text()).as(client)
                        .isNotEqualTo(english.rules().get(i).explanation().text());
            }
        }
    }

    @Test
    void aRuleValueIsRoundedAlikeInTheTableAndInItsSentence() {
        // The demo's Chaos Events had a margin of 0.1045: "10.4%" in the table, "Gross margin 10.5%" beside it.
        for (String client : new String[] {"dash-Anchor", "dash-Late Payer", "dash-Drain", "dash-Pricey", "dash-Steady"}) {
            for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.ITALIAN}) {
                for (ScorecardView.RuleLine rule : sentences.in(stored(client), locale).rules()) {
                    if (rule.value() != null) {
                        assertThat(rule.explanation().text()).as(client + " " + rule.rule() + " " + locale)
                                .contains(rule.valueText());
                    }
                }
            }
        }
    }

    @Test
    void aDealbreakerReadsInItalianToo() throws Exception {
        String html = HtmlUtils.htmlUnescape(page(DashboardPortfolio.id(jdbc, "dash-Late Payer"), "it"));
        int at = html.indexOf("id=\"dealbreakers\"");
        assertThat(at).isPositive();
        assertThat(html.substring(at)).contains("in ritardo negli ultimi").doesNotContain("late payments in the last");
    }
}
