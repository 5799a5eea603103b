package com.mspscorecard.scoring.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

import static com.mspscorecard.metrics.Metric.*;
import static com.mspscorecard.scoring.engine.HistoryBuilder.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * One client in June 2026 under model version 1, every rule with data, worked out by hand.
 *
 * <pre>
 * rule                     measurement (window)                               value    sub   w  w × sub  points
 * late_payments            Jan 1 + Jun 1 (Jan–Jun)                             2        33.3 15   499.5   4.54
 * days_to_pay              (35 + 40 + 48) ÷ 3                                  41       63.3 10   633.0   5.75
 * disputed_invoices        1 ÷ (2 + 2 + 2 + 2) invoices (Jan, Apr–Jun)         12.5%    37.5 10   375.0   3.41
 * ticket_load              (30/40 + 40/40 + 50/50 default endpoints) ÷ 3       0.9167   72.2 10   722.0   6.56
 * reopened_tickets         (3 + 2 + 4) ÷ (30 + 40 + 50)                        7.5%     87.5  5   437.5   3.98
 * admin_requests           (8/40 + 12/40 + 20/50) ÷ 3                          0.3      87.5  5   437.5   3.98
 * escalations              (1 + 0 + 2) ÷ 3                                     1        50.0 10   500.0   4.55
 * ignored_recommendations  (1 + 1) ÷ (2 + 1 + 1 + 1) (Jan, Jun)               40%      40.0 10   400.0   3.64
 * red_flag_incidents       2025-09-15, 2026-02-01 (2025-05-20 is too old)      2        33.3  5   166.5   1.51
 * staff_vote               poll of 2025-12-15 (the 2024 poll is superseded)    6%       60.0  5   300.0   2.73
 * security_incidents       Jan 1 + May 1                                       2        33.3 10   333.0   3.03
 * gross_margin             (6,000 − 3,600) ÷ 6,000                             40%      50.0 15   750.0   6.82
 *                                                                                           110  5,554.0  50.50
 * score = 5,554 ÷ 110 = 50.49 → 50.5, grade D; completeness 110 ÷ 110 = 1.000
 * payment        (499.5 + 633 + 375) ÷ 35        = 43.07 → 43.1
 * service load   (722 + 437.5 + 437.5) ÷ 20      = 79.85 → 79.9
 * relationship   (500 + 400 + 166.5 + 300) ÷ 30  = 45.55 → 45.6
 * security       333 ÷ 10 = 33.3; profitability 750 ÷ 15 = 50.0
 * No dealbreaker (2 late payments on NET_30, 2 security incidents, no abuse or disrespect):
 * grade D, not worsening → WATCH; with 61.0 three months earlier (−10.5) → CONSIDER_OFFBOARDING.
 * </pre>
 */
class HandComputedScorecardTests {

    static final YearMonth JUNE = YearMonth.of(2026, 6);

    static ClientHistory history() {
        return client().id(42).terms(PaymentTerms.NET_30).endpoints(50)
                .month("2026-01", LATE_PAYMENTS, 1, INVOICES_ISSUED, 2, DISPUTED_INVOICES, 0,
                        RECOMMENDATIONS_IMPLEMENTED, 2, RECOMMENDATIONS_IGNORED, 1, SECURITY_INCIDENTS, 1)
                .month("2026-04", LATE_PAYMENTS, 0, AVG_DAYS_TO_PAY, 35, INVOICES_ISSUED, 2, DISPUTED_INVOICES, 0,
                        NEW_TICKETS, 30, ENDPOINTS, 40, REOPENED_TICKETS, 3, ADMIN_REQUESTS, 8, ESCALATIONS, 1,
                        SECURITY_INCIDENTS, 0, REVENUE, 2000, DELIVERY_COST, 1200)
                .month("2026-05", LATE_PAYMENTS, 0, AVG_DAYS_TO_PAY, 40, INVOICES_ISSUED, 2, DISPUTED_INVOICES, 0,
                        NEW_TICKETS, 40, ENDPOINTS, 40, REOPENED_TICKETS, 2, ADMIN_REQUESTS, 12, ESCALATIONS, 0,
                        SECURITY_INCIDENTS, 1, REVENUE, 2000, DELIVERY_COST, 1100)
                .month("2026-06", LATE_PAYMENTS, 1, AVG_DAYS_TO_PAY, 48, INVOICES_ISSUED, 2, DISPUTED_INVOICES, 1,
                        NEW_TICKETS, 50, REOPENED_TICKETS, 4, ADMIN_REQUESTS, 20, ESCALATIONS, 2,
                        RECOMMENDATIONS_IMPLEMENTED, 1, RECOMMENDATIONS_IGNORED, 1,
                        SECURITY_INCIDENTS, 0, REVENUE, 2000, DELIVERY_COST, 1300)
                .incident("2025-05-20", IncidentCategory.OTHER)
                .incident("2025-09-15", IncidentCategory.OTHER)
                .incident("2026-02-01", IncidentCategory.ERRATIC_COMMUNICATION)
                .poll("2024-12-15", "0.30")
                .poll("2025-12-15", "0.06")
                .build();
    }

    @Test
    void matchesTheHandComputationToTheDecimal() {
        Scorecard scorecard = ScoringEngine.score(ScoringModel.defaults(), history(), JUNE, null, null);

        assertThat(scorecard.clientId()).isEqualTo(42);
        assertThat(scorecard.modelVersion()).isEqualTo(1);
        assertThat(scorecard.score()).isEqualTo(new BigDecimal("50.5"));
        assertThat(scorecard.grade()).isEqualTo(Grade.D);
        assertThat(scorecard.completeness()).isEqualTo(new BigDecimal("1.000"));
        assertThat(scorecard.categoryScores()).containsExactly(
                entry(Category.PAYMENT, new BigDecimal("43.1")),
                entry(Category.SERVICE_LOAD, new BigDecimal("79.9")),
                entry(Category.RELATIONSHIP, new BigDecimal("45.6")),
                entry(Category.SECURITY, new BigDecimal("33.3")),
                entry(Category.PROFITABILITY, new BigDecimal("50.0")));
        assertThat(scorecard.rules()).extracting(RuleResult::ruleKey, r -> r.subScore().toPlainString(), r -> r.points().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("late_payments", "33.3", "4.54"),
                        org.assertj.core.groups.Tuple.tuple("days_to_pay", "63.3", "5.75"),
                        org.assertj.core.groups.Tuple.tuple("disputed_invoices", "37.5", "3.41"),
                        org.assertj.core.groups.Tuple.tuple("ticket_load", "72.2", "6.56"),
                        org.assertj.core.groups.Tuple.tuple("reopened_tickets", "87.5", "3.98"),
                        org.assertj.core.groups.Tuple.tuple("admin_requests", "87.5", "3.98"),
                        org.assertj.core.groups.Tuple.tuple("escalations", "50.0", "4.55"),
                        org.assertj.core.groups.Tuple.tuple("ignored_recommendations", "40.0", "3.64"),
                        org.assertj.core.groups.Tuple.tuple("red_flag_incidents", "33.3", "1.51"),
                        org.assertj.core.groups.Tuple.tuple("staff_vote", "60.0", "2.73"),
                        org.assertj.core.groups.Tuple.tuple("security_incidents", "33.3", "3.03"),
                        org.assertj.core.groups.Tuple.tuple("gross_margin", "50.0", "6.82"));
        assertThat(scorecard.rules().stream().map(RuleResult::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("50.50");
        assertThat(scorecard.dealbreakers()).isEmpty();
        assertThat(scorecard.recommendation()).isEqualTo(Recommendation.WATCH);
        assertThat(scorecard.reasons()).extracting(com.mspscorecard.scoring.EnglishSentences::of).containsExactly("Grade D (score 50.5)",
                // The three rules that cost the most points, each with its value and target (issue 13 item 4).
                "Late payments: 2 against a target of 0 costs 9.1 points",
                "Gross margin: 40.0% against a target of 60% costs 6.8 points",
                "Security incidents: 2 against a target of 0 costs 6.1 points");
    }

    @Test
    void explainsEachRuleWithValueThresholdsAndSubScore() {
        Map<String, String> texts = new java.util.HashMap<>();
        for (RuleResult result : ScoringEngine.score(ScoringModel.defaults(), history(), JUNE, null, null).rules()) {
            texts.put(result.ruleKey(), com.mspscorecard.scoring.EnglishSentences.of(result.explanation()));
        }

        assertThat(texts).containsEntry("late_payments",
                        "2 late payments in the last 6 months (good: 0, bad: 3) → 33.3 of 100")
                .containsEntry("disputed_invoices",
                        "12.5% of invoices disputed in the last 6 months (good: 0%, bad: 20%) → 37.5 of 100")
                .containsEntry("ticket_load",
                        "0.92 new tickets per endpoint per month over the last 3 months (good: 0.5, bad: 2) → 72.2 of 100")
                .containsEntry("staff_vote",
                        "6.0% of all points in the staff poll closed on 2025-12-15 (good: 0%, bad: 15%) → 60.0 of 100")
                .containsEntry("gross_margin",
                        "Gross margin 40.0% over the last 3 months (good: 60%, bad: 20%) → 50.0 of 100");
    }

    @Test
    void aTenPointSlideTurnsWatchIntoConsiderOffboarding() {
        Scorecard scorecard = ScoringEngine.score(ScoringModel.defaults(), history(), JUNE, null, new BigDecimal("61.0"));

        assertThat(scorecard.scoreChange3m()).isEqualTo(new BigDecimal("-10.5"));
        assertThat(scorecard.worsening()).isTrue();
        assertThat(scorecard.recommendation()).isEqualTo(Recommendation.CONSIDER_OFFBOARDING);
    }
}
