package com.mspscorecard.scoring;

import com.mspscorecard.scoring.internal.RescoreOnStartup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import com.mspscorecard.clients.ClientTermsChanged;
import com.mspscorecard.incidents.IncidentsChanged;
import com.mspscorecard.metrics.SnapshotsChanged;
import com.mspscorecard.scoring.engine.ClientHistory;
import com.mspscorecard.scoring.engine.MonthlyFigures;
import com.mspscorecard.scoring.engine.PaymentTerms;
import com.mspscorecard.scoring.engine.Scorecard;
import com.mspscorecard.scoring.engine.ScoringEngine;
import com.mspscorecard.scoring.engine.ScoringModel;
import com.mspscorecard.scoring.internal.ModelCodec;
import com.mspscorecard.metrics.Metric;
import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class ScoringIntegrationTests {

    static final YearMonth MONTH = YearMonth.of(2025, 6);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ScorecardQueries scorecards;

    @Autowired
    ScoringModels models;

    @Autowired
    ScorecardSentences sentences;

    @Autowired
    java.time.Clock clock;

    @BeforeEach
    void users() {
        TestUsers.ensure("score-owner", "OWNER");
        TestUsers.ensure("score-am", "ACCOUNT_MANAGER");
        TestUsers.ensure("score-tech", "STAFF");
    }

    @Test
    void versionOneStoredByTheMigrationIsTheDefaultModel() {
        String definition = jdbc.queryForObject("select definition::text from scoring_model where version = 1", String.class);
        assertThat(ModelCodec.read(1, definition)).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(ScoringModel.defaults());
        assertThat(ModelCodec.read(1, ModelCodec.write(ScoringModel.defaults()))).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(ScoringModel.defaults());
    }

    @Test
    void aSnapshotWrittenIsScoredAsTheEngineScoresItAndMatchesTheHandComputedScore() {
        long id = client("hand", "NET_30");
        writeSnapshot(id, MONTH, 0);

        ScorecardView card = scorecards.ofClient(id, MONTH).orElseThrow();
        // (15×100 + 10×50 + 10×100 + 10×66.7 + 5×75 + 5×100 + 10×50 + 10×70 + 5×100 + 10×100 + 15×75) ÷ 105:
        // every rule but the staff vote (no poll) has data, 105 of the 110 weight.
        assertThat(card.score()).isEqualByComparingTo("79.7");
        assertThat(card.grade()).isEqualTo("B");
        assertThat(card.recommendation()).isEqualTo("KEEP");
        assertThat(card.dataCompleteness()).isEqualByComparingTo("0.955");

        Scorecard expected = ScoringEngine.score(ScoringModel.defaults(), history(id), MONTH, null, null);
        assertThat(card.score()).isEqualByComparingTo(expected.score());
        assertThat(card.rules()).hasSize(12);
        for (int i = 0; i < 12; i++) {
            var rule = expected.rules().get(i);
            var stored = card.rules().get(i);
            assertThat(stored.rule()).isEqualTo(rule.ruleKey());
            assertThat(stored.explanation().code()).isEqualTo(rule.explanation().code());
            assertThat(stored.explanation().args()).isEqualTo(rule.explanation().args());
            assertThat(stored.weight()).isEqualTo(rule.weight());
            if (rule.hasData()) {
                assertThat(stored.subScore()).isEqualByComparingTo(rule.subScore());
                assertThat(stored.points()).isEqualByComparingTo(rule.points());
            } else {
                assertThat(stored.subScore()).isNull();
            }
        }
    }

    @Test
    void anEditedSnapshotRescoresTheClientInTheSameTransaction() {
        long id = client("edit", "NET_30");
        writeSnapshot(id, MONTH, 0);
        assertThat(scorecards.ofClient(id, MONTH).orElseThrow().recommendation()).isEqualTo("KEEP");

        writeSnapshot(id, MONTH, 3);

        ScorecardView card = scorecards.ofClient(id, MONTH).orElseThrow();
        assertThat(card.recommendation()).isEqualTo("OFFBOARD");
        assertThat(card.dealbreakers()).extracting(ScorecardView.Reason::key).containsExactly("recurring_late_payments");
        assertThat(sentences.in(card, java.util.Locale.ENGLISH).reasons()).extracting(ScorecardView.Reason::text).anySatisfy(text -> assertThat(text).contains("3 late payments"));
    }

    @Test
    void aFailingChangeLeavesTheStoredScoresAsTheyWere() {
        long id = client("rollback", "NET_30");
        writeSnapshot(id, MONTH, 0);
        try {
            transactions.executeWithoutResult(tx -> {
                jdbc.update("update monthly_snapshot set late_payments = 3 where client_id = ?", id);
                events.publishEvent(new SnapshotsChanged(Set.of(id), Set.of(MONTH)));
                throw new IllegalStateException("the writer fails after rescoring");
            });
        }
        catch (IllegalStateException expected) {
            // the whole change rolls back
        }
        assertThat(scorecards.ofClient(id, MONTH).orElseThrow().recommendation()).isEqualTo("KEEP");
    }

    @Test
    void aLoggedIncidentRescoresTheClient() {
        long id = client("incident", "NET_30");
        writeSnapshot(id, MONTH, 0);
        long owner = jdbc.queryForObject("select id from app_user where username = 'score-owner'", Long.class);
        transactions.executeWithoutResult(tx -> {
            // Dated within the 12 months to today: June is the client's latest month, whose windows end today.
            jdbc.update("insert into incident (client_id, occurred_on, category, description, logged_by_id) "
                    + "values (?, ?, 'ABUSIVE_TREATMENT', 'Shouted at a technician', ?)", id,
                    LocalDate.now(clock).minusDays(3), owner);
            events.publishEvent(new IncidentsChanged(id));
        });

        ScorecardView card = scorecards.ofClient(id, MONTH).orElseThrow();
        assertThat(card.recommendation()).isEqualTo("OFFBOARD");
        assertThat(card.dealbreakers()).extracting(ScorecardView.Reason::key).containsExactly("abusive_treatment");
    }

    @Test
    void aClientWithInsufficientDataShowsNoScoreInTheApiOrOnItsPage() throws Exception {
        long id = client("thin", "NET_30");
        transactions.executeWithoutResult(tx -> {
            // Late payments alone: sub-score 100 on 15 of 105 weight, far below the 50% needed for a grade.
            jdbc.update("insert into monthly_snapshot (client_id, month, late_payments) values (?, ?, 0)", id,
                    MONTH.atDay(1));
            events.publishEvent(new SnapshotsChanged(Set.of(id), Set.of(MONTH)));
        });
        assertThat(jdbc.queryForObject("select score from client_score where client_id = ?", BigDecimal.class, id))
                .as("stored for \"three months earlier\"").isEqualByComparingTo("100.0");

        mvc.perform(get("/api/v1/clients/" + id + "/scorecard").with(user("score-owner").roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recommendation").value("INSUFFICIENT_DATA"))
                .andExpect(jsonPath("$.grade").doesNotExist())
                .andExpect(jsonPath("$.score").doesNotExist());
        mvc.perform(get("/api/v1/clients/" + id + "/scores").with(user("score-owner").roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].score").doesNotExist());
        String page = mvc.perform(get("/clients/" + id + "/scorecard").with(user("score-owner").roles("OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String verdict = page.substring(page.indexOf("id=\"verdict\""), page.indexOf("id=\"verdict\"") + 2000);
        assertThat(verdict).contains("id=\"score-value\" class=\"fs-4 fw-bold\">–</span>")
                .doesNotContain("100.0").doesNotContain("/ 100");
    }

    @Test
    void changedPaymentTermsRescoreTheClient() {
        long id = client("terms", "NET_30");
        writeSnapshot(id, MONTH, 1);
        assertThat(scorecards.ofClient(id, MONTH).orElseThrow().recommendation()).isNotEqualTo("OFFBOARD");

        transactions.executeWithoutResult(tx -> {
            jdbc.update("update client set payment_terms = 'PREPAID' where id = ?", id);
            events.publishEvent(new ClientTermsChanged(id));
        });

        ScorecardView card = scorecards.ofClient(id, MONTH).orElseThrow();
        assertThat(card.recommendation()).isEqualTo("OFFBOARD");
        assertThat(sentences.in(card, java.util.Locale.ENGLISH).reasons()).extracting(ScorecardView.Reason::text).anySatisfy(text -> assertThat(text).contains("terms are prepaid").doesNotContain("PREPAID"));
    }

    @Test
    void everyMonthWithDataIsScoredSoTheHistoryShowsATrend() {
        long id = client("trend", "NET_30");
        writeSnapshot(id, MONTH.minusMonths(3), 0);
        writeSnapshot(id, MONTH, 2);

        List<ScorePoint> history = scorecards.history(id);
        assertThat(history).extracting(ScorePoint::month).containsExactly(MONTH.minusMonths(3), MONTH);
        assertThat(history.get(1).scoreChange3m()).isNegative();
        assertThat(history.get(1).score()).isLessThan(history.get(0).score());
    }

    @Test
    void theApiShowsAScorecardWithTheSpecifiedFieldNames() throws Exception {
        long id = client("api", "NET_30");
        writeSnapshot(id, MONTH, 0);

        mvc.perform(get("/api/v1/clients/{id}/scorecard", id).param("month", "2025-06").with(user("score-am").roles("ACCOUNT_MANAGER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.client_id").value(id))
                .andExpect(jsonPath("$.client_name").value(name("api")))
                .andExpect(jsonPath("$.month").value("2025-06"))
                .andExpect(jsonPath("$.model_version").isNumber())
                .andExpect(jsonPath("$.score").value(79.7))
                .andExpect(jsonPath("$.grade").value("B"))
                .andExpect(jsonPath("$.category_scores.payment").value(85.7))
                .andExpect(jsonPath("$.category_scores.service_load").isNumber())
                .andExpect(jsonPath("$.category_scores.relationship").isNumber())
                .andExpect(jsonPath("$.category_scores.security").value(100.0))
                .andExpect(jsonPath("$.category_scores.profitability").value(75.0))
                .andExpect(jsonPath("$.recommendation").value("KEEP"))
                .andExpect(jsonPath("$.reasons").isArray())
                .andExpect(jsonPath("$.dealbreakers").isArray())
                .andExpect(jsonPath("$.worsening").value(false))
                .andExpect(jsonPath("$.score_change_3m").hasJsonPath())
                .andExpect(jsonPath("$.dependency_risk").isBoolean())
                .andExpect(jsonPath("$.suggested_monthly_price").hasJsonPath())
                .andExpect(jsonPath("$.data_completeness").value(0.955))
                .andExpect(jsonPath("$.rules", hasSize(12)))
                .andExpect(jsonPath("$.rules[0].rule").value("late_payments"))
                .andExpect(jsonPath("$.rules[0].category").value("payment"))
                .andExpect(jsonPath("$.rules[0].value").value(0))
                .andExpect(jsonPath("$.rules[0].sub_score").value(100.0))
                .andExpect(jsonPath("$.rules[0].weight").value(15))
                .andExpect(jsonPath("$.rules[0].points").isNumber())
                .andExpect(jsonPath("$.rules[0].explanation").isString());

        mvc.perform(get("/api/v1/scorecards").param("month", "2025-06").with(user("score-owner").roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].client_id", hasItem((int) id)))
                .andExpect(jsonPath("$[0].rules").doesNotExist());

        mvc.perform(get("/api/v1/clients/{id}/scores", id).with(user("score-owner").roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].month").value("2025-06"))
                .andExpect(jsonPath("$[0].score").value(79.7))
                .andExpect(jsonPath("$[0].grade").value("B"));
    }

    @Test
    void theApiRefusesStaffUnknownClientsAndMalformedMonths() throws Exception {
        long id = client("api-errors", "NET_30");
        writeSnapshot(id, MONTH, 0);

        mvc.perform(get("/api/v1/clients/{id}/scorecard", id).with(user("score-tech").roles("STAFF")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/clients/999999999/scorecard").with(user("score-owner").roles("OWNER")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/scorecards").param("month", "2025-13").with(user("score-owner").roles("OWNER")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/clients/{id}/scorecard", id).param("month", "June").with(user("score-owner").roles("OWNER")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theModelPageShowsTheActiveModel() throws Exception {
        mvc.perform(get("/scoring/model").with(user("score-am").roles("ACCOUNT_MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Late payments")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Recurring late payments")));
    }

    @Autowired
    RescoreOnStartup rescoreOnStartup;

    @Test
    void startUpRescoresEverythingWhenTheActiveVersionHasNoStoredScores() throws Exception {
        long id = client("startup", "NET_30");
        writeSnapshot(id, MONTH, 1);
        int version = jdbc.queryForObject("select version from scoring_model where status = 'ACTIVE'", Integer.class);
        int before = jdbc.queryForObject("select count(*) from client_score where model_version = ?", Integer.class,
                version);
        ScorecardView expected = scorecards.ofClient(id, MONTH).orElseThrow();
        // What migration V8 leaves behind: derived scores emptied, snapshots still there.
        jdbc.update("delete from client_score where model_version = ?", version);

        rescoreOnStartup.run(null);

        assertThat(jdbc.queryForObject("select count(*) from client_score where model_version = ?", Integer.class,
                version)).isEqualTo(before);
        assertThat(scorecards.ofClient(id, MONTH)).contains(expected);
    }

    private String name(String suffix) {
        return "score-" + suffix + "-" + SUFFIX;
    }

    private static final String SUFFIX = Long.toString(System.nanoTime(), 36);

    private long client(String suffix, String terms) {
        return transactions.execute(tx -> {
            long id = jdbc.queryForObject("insert into client (name, payment_terms, endpoints) values (?, ?, 10) returning id",
                    Long.class, name(suffix), terms);
            events.publishEvent(new ClientTermsChanged(id));
            return id;
        });
    }

    /** The hand-checked month of the test; {@code late} late payments. */
    private void writeSnapshot(long id, YearMonth month, int late) {
        transactions.executeWithoutResult(tx -> {
            jdbc.update("""
                    insert into monthly_snapshot (client_id, month, new_tickets, reopened_tickets, admin_requests,
                        escalations, invoices_issued, disputed_invoices, late_payments, avg_days_to_pay, revenue,
                        delivery_cost, recommendations_implemented, recommendations_ignored, security_incidents)
                    values (?, ?, 10, 1, 2, 1, 2, 0, ?, 45, 1000, 500, 3, 1, 0)
                    on conflict (client_id, month) do update set late_payments = excluded.late_payments
                    """, id, month.atDay(1), late);
            events.publishEvent(new SnapshotsChanged(Set.of(id), Set.of(month)));
        });
    }

    private ClientHistory history(long id) {
        MonthlyFigures figures = new MonthlyFigures(MONTH, java.util.Map.ofEntries(
                java.util.Map.entry(Metric.NEW_TICKETS, BigDecimal.valueOf(10)),
                java.util.Map.entry(Metric.REOPENED_TICKETS, BigDecimal.ONE),
                java.util.Map.entry(Metric.ADMIN_REQUESTS, BigDecimal.valueOf(2)),
                java.util.Map.entry(Metric.ESCALATIONS, BigDecimal.ONE),
                java.util.Map.entry(Metric.INVOICES_ISSUED, BigDecimal.valueOf(2)),
                java.util.Map.entry(Metric.DISPUTED_INVOICES, BigDecimal.ZERO),
                java.util.Map.entry(Metric.LATE_PAYMENTS, BigDecimal.ZERO),
                java.util.Map.entry(Metric.AVG_DAYS_TO_PAY, BigDecimal.valueOf(45)),
                java.util.Map.entry(Metric.REVENUE, BigDecimal.valueOf(1000)),
                java.util.Map.entry(Metric.DELIVERY_COST, BigDecimal.valueOf(500)),
                java.util.Map.entry(Metric.RECOMMENDATIONS_IMPLEMENTED, BigDecimal.valueOf(3)),
                java.util.Map.entry(Metric.RECOMMENDATIONS_IGNORED, BigDecimal.ONE),
                java.util.Map.entry(Metric.SECURITY_INCIDENTS, BigDecimal.ZERO)));
        return ClientHistory.of(id, PaymentTerms.NET_30, 10, List.of(figures), List.of(), null);
    }

    static LocalDate day(YearMonth month) {
        return month.atDay(1);
    }
}
