package com.mspscorecard.scoring.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import static com.mspscorecard.metrics.Metric.*;
import static com.mspscorecard.scoring.engine.HistoryBuilder.client;
import static com.mspscorecard.scoring.engine.Recommendation.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ScoringEngineTests {

    static final YearMonth JUNE = YearMonth.of(2026, 6);
    static final List<String> Q2 = List.of("2026-04", "2026-05", "2026-06");
    static final ScoringModel MODEL = ScoringModel.defaults();

    /** Every rule but the staff vote at 100: score 100.0, grade A, 105 of 110 weight with data. */
    static HistoryBuilder goodClient() {
        return client().months(Q2,
                LATE_PAYMENTS, 0, AVG_DAYS_TO_PAY, 20, INVOICES_ISSUED, 4, DISPUTED_INVOICES, 0,
                NEW_TICKETS, 5, ENDPOINTS, 20, REOPENED_TICKETS, 0, ADMIN_REQUESTS, 2, ESCALATIONS, 0,
                RECOMMENDATIONS_IMPLEMENTED, 4, RECOMMENDATIONS_IGNORED, 0, SECURITY_INCIDENTS, 0,
                REVENUE, 1000, DELIVERY_COST, 300);
    }

    // Each takes one or more rules to a sub-score of 0; the score is (10,500 − lost weight × 100) ÷ 105.
    static final Object[] SLOW_PAYER = {AVG_DAYS_TO_PAY, 60};                         // −10
    static final Object[] ESCALATING = {ESCALATIONS, 2};                              // −10
    static final Object[] TICKET_HEAVY = {NEW_TICKETS, 40};                           // −10 (2 per endpoint)
    static final Object[] DISPUTING = {DISPUTED_INVOICES, 1};                         // −10 (25%)
    static final Object[] IGNORING = {RECOMMENDATIONS_IMPLEMENTED, 2, RECOMMENDATIONS_IGNORED, 3}; // −10 (60%)
    static final Object[] UNPROFITABLE = {DELIVERY_COST, 800};                        // −15 (margin 20%)
    static final Object[] ADMIN_HEAVY = {ADMIN_REQUESTS, 20};                         // −5 (1 per endpoint)
    static final Object[] REOPENING = {REOPENED_TICKETS, 10};                         // −5 (25% of 40 tickets)

    /** 8,500 ÷ 105 = 81.0, grade B. */
    static HistoryBuilder gradeB() {
        return goodClient().months(Q2, SLOW_PAYER).months(Q2, ESCALATING);
    }

    /** 6,500 ÷ 105 = 61.9, grade C. */
    static HistoryBuilder gradeC() {
        return gradeB().months(Q2, TICKET_HEAVY).months(Q2, DISPUTING);
    }

    /** 5,500 ÷ 105 = 52.4, grade D. */
    static HistoryBuilder gradeD() {
        return gradeC().months(Q2, IGNORING);
    }

    /** 3,000 ÷ 105 = 28.6, grade F, without any dealbreaker. */
    static HistoryBuilder gradeF() {
        return gradeD().months(Q2, UNPROFITABLE).months(Q2, ADMIN_HEAVY).months(Q2, REOPENING);
    }

    /** Payment, relationship and security at 100, profitability 0: 9,000 ÷ 105 = 85.7, grade A. */
    static HistoryBuilder demanding() {
        return goodClient().months(Q2, UNPROFITABLE);
    }

    /** 10th of 10 by revenue, 1st by effort. */
    static final PortfolioPosition DRAIN = new PortfolioPosition(new BigDecimal("0.01"), new BigDecimal("0.40"), 10, 1, 10);
    static final PortfolioPosition NO_DRAIN = new PortfolioPosition(new BigDecimal("0.01"), new BigDecimal("0.40"), 10, 3, 10);

    static Stream<Arguments> recommendations() {
        return Stream.of(
                arguments("good client", goodClient(), null, null, "100.0", KEEP),
                arguments("good client, abusive", goodClient().incident("2026-06-01", IncidentCategory.ABUSIVE_TREATMENT), null, null, "98.4", OFFBOARD),
                arguments("no data, abusive", client().incident("2026-06-01", IncidentCategory.ABUSIVE_TREATMENT), null, null, "66.7", OFFBOARD),
                arguments("F with a late prepaid payment", gradeF().terms(PaymentTerms.PREPAID).month("2026-06", LATE_PAYMENTS, 1), null, null, "23.8", OFFBOARD),
                arguments("escalations only", client().month("2026-06", ESCALATIONS, 2), null, null, "33.3", INSUFFICIENT_DATA),
                arguments("grade F", gradeF(), null, null, "28.6", CONSIDER_OFFBOARDING),
                arguments("grade D, steady", gradeD(), "62.3", null, "52.4", WATCH),
                arguments("grade D, 10 points down", gradeD(), "62.4", null, "52.4", CONSIDER_OFFBOARDING),
                arguments("grade C", gradeC(), null, NO_DRAIN, "61.9", WATCH),
                arguments("grade C, drain", gradeC(), null, DRAIN, "61.9", CONSIDER_OFFBOARDING),
                arguments("grade B, drain", gradeB(), null, DRAIN, "81.0", KEEP),
                arguments("grade B, 10 points down", gradeB(), "91.0", null, "81.0", WATCH),
                arguments("demanding", demanding(), null, null, "85.7", RAISE_PRICE),
                arguments("demanding, 10 points down", demanding(), "100", null, "85.7", RAISE_PRICE),
                arguments("demanding, grade C", demanding().months(Q2, TICKET_HEAVY).months(Q2, ADMIN_HEAVY).months(Q2, REOPENING), null, null, "66.7", RAISE_PRICE),
                arguments("demanding, grade C, drain", demanding().months(Q2, TICKET_HEAVY).months(Q2, ADMIN_HEAVY).months(Q2, REOPENING), null, DRAIN, "66.7", CONSIDER_OFFBOARDING),
                arguments("demanding, no security data", demanding().without(SECURITY_INCIDENTS), null, null, "84.2", KEEP),
                arguments("demanding, slow payer", demanding().months(Q2, SLOW_PAYER).months(Q2, DISPUTING), null, null, "66.7", WATCH),
                arguments("margin 40%: profitability 50", goodClient().months(Q2, DELIVERY_COST, 600), null, null, "92.9", KEEP),
                arguments("margin 39.9%: profitability 49.8", goodClient().months(Q2, DELIVERY_COST, 601), null, null, "92.8", RAISE_PRICE));
    }

    @ParameterizedTest(name = "{0} → {5}")
    @MethodSource("recommendations")
    void recommendsTheFirstThatApplies(String name, HistoryBuilder history, String earlier, PortfolioPosition position,
                                       String score, Recommendation expected) {
        Scorecard scorecard = ScoringEngine.score(MODEL, history.build(), JUNE, position,
                earlier == null ? null : new BigDecimal(earlier));

        assertThat(scorecard.score()).isEqualByComparingTo(score);
        assertThat(scorecard.recommendation()).isEqualTo(expected);
        assertThat(scorecard.reasons()).isNotEmpty().allSatisfy(reason -> assertThat(com.mspscorecard.scoring.EnglishSentences.of(reason)).isNotBlank());
    }

    /** What a grade C or D client of these tests loses most: three rules at 9.5 points, first in rule order. */
    static final String[] COSTS_C = {
            "Days to pay: 60.0 against a target of 30 costs 9.5 points",
            "Disputed invoices: 25.0% against a target of 0% costs 9.5 points",
            "Ticket load: 2.00 against a target of 0.5 costs 9.5 points"};

    @Test
    void explainsARecommendationInPlainWords() {
        Scorecard offboard = ScoringEngine.score(MODEL,
                gradeC().terms(PaymentTerms.PREPAID).month("2026-06", LATE_PAYMENTS, 1).build(), JUNE, null, null);
        Scorecard consider = ScoringEngine.score(MODEL, gradeD().build(), JUNE, null, new BigDecimal("64.4"));
        Scorecard drain = ScoringEngine.score(MODEL, gradeC().build(), JUNE, DRAIN, null);

        assertThat(offboard.reasons()).extracting(com.mspscorecard.scoring.EnglishSentences::of)
                .containsExactly("1 late payment in the last 6 months; terms are prepaid", COSTS_C[0], COSTS_C[1], COSTS_C[2]);
        assertThat(consider.reasons()).extracting(com.mspscorecard.scoring.EnglishSentences::of).containsExactly(
                "Grade D (score 52.4)",
                "The score fell 12.0 points in 3 months, from 64.4 to 52.4", COSTS_C[0], COSTS_C[1], COSTS_C[2]);
        assertThat(drain.reasons()).extracting(com.mspscorecard.scoring.EnglishSentences::of).containsExactly(
                "A drain: outside the top 20% of clients by revenue (1.0% of revenue) but in the top 20% by effort"
                        + " (40.0% of effort), with grade C", COSTS_C[0], COSTS_C[1], COSTS_C[2]);
        assertThat(drain.drain()).isTrue();
    }

    @Test
    void suggestsThePriceThatReachesTheTargetMargin() {
        // Costs 700, 800, 900 (mean 800) on revenue 900, 1,000, 1,100 (mean 1,000): margin 20%.
        // 800 ÷ (1 − 0.50) = 1,600.00: 600.00 or 60.0% more.
        ClientHistory history = goodClient()
                .month("2026-04", REVENUE, 900, DELIVERY_COST, 700)
                .month("2026-05", REVENUE, 1000, DELIVERY_COST, 800)
                .month("2026-06", REVENUE, 1100, DELIVERY_COST, 900)
                .build();

        Scorecard scorecard = ScoringEngine.score(MODEL, history, JUNE, null, null);

        assertThat(scorecard.recommendation()).isEqualTo(RAISE_PRICE);
        assertThat(scorecard.suggestedMonthlyPrice()).isEqualTo(new BigDecimal("1600.00"));
        assertThat(scorecard.currentMonthlyRevenue()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(scorecard.reasons()).extracting(com.mspscorecard.scoring.EnglishSentences::of).containsExactly(
                "Profitability scores 0.0 (below 50) while payment 100.0, relationship 100.0 and security 100.0"
                        + " are all at least 70: the client is demanding, not bad",
                "A monthly price of 1600.00 instead of 1000.00 (+600.00, +60.0%) reaches the target margin of 50%",
                "Gross margin: 20.0% against a target of 60% costs 14.3 points");

        ScoringModel sixtyPercent = new ScoringModel(2, MODEL.rules(), MODEL.dealbreakers(), MODEL.gradeBands(),
                MODEL.minimumCompleteness(), MODEL.worseningPoints(), 20, 20, new BigDecimal("0.60"), MODEL.dependencyShare());
        assertThat(ScoringEngine.score(sixtyPercent, history, JUNE, null, null).suggestedMonthlyPrice())
                .isEqualTo(new BigDecimal("2000.00"));
    }

    @Test
    void suggestsNoPriceUnlessRaisingIt() {
        Scorecard scorecard = ScoringEngine.score(MODEL, gradeC().build(), JUNE, null, null);

        assertThat(scorecard.recommendation()).isEqualTo(WATCH);
        assertThat(scorecard.suggestedMonthlyPrice()).isNull();
        assertThat(scorecard.currentMonthlyRevenue()).isNull();
    }

    @ParameterizedTest(name = "{0} three months ago → change {1}, worsening {2}")
    @MethodSource("worsening")
    void marksATenPointDropAsWorsening(String earlier, String change, boolean worsening) {
        Scorecard scorecard = ScoringEngine.score(MODEL, gradeB().build(), JUNE, null,
                earlier == null ? null : new BigDecimal(earlier));

        assertThat(scorecard.worsening()).isEqualTo(worsening);
        if (change == null) {
            assertThat(scorecard.scoreChange3m()).isNull();
        } else {
            assertThat(scorecard.scoreChange3m()).isEqualByComparingTo(change);
        }
    }

    static Stream<Arguments> worsening() {
        return Stream.of(
                arguments(null, null, false),
                arguments("60.0", "21.0", false),
                arguments("81.0", "0.0", false),
                arguments("90.9", "-9.9", false),
                arguments("91.0", "-10.0", true),
                arguments("95.5", "-14.5", true));
    }

    @Test
    void flagsDependencyRiskBesideAnyRecommendation() {
        PortfolioPosition big = new PortfolioPosition(new BigDecimal("0.15"), null, 1, null, 10);
        PortfolioPosition almost = new PortfolioPosition(new BigDecimal("0.1499"), null, 1, null, 10);

        Scorecard risky = ScoringEngine.score(MODEL, goodClient().build(), JUNE, big, null);
        Scorecard fine = ScoringEngine.score(MODEL, goodClient().build(), JUNE, almost, null);
        Scorecard unknown = ScoringEngine.score(MODEL, goodClient().build(), JUNE, null, null);

        assertThat(risky.dependencyRisk()).isTrue();
        assertThat(risky.recommendation()).isEqualTo(KEEP);
        assertThat(risky.reasons()).last().extracting(com.mspscorecard.scoring.EnglishSentences::of)
                .isEqualTo("Brings 15.0% of portfolio revenue over 3 months: plan before acting");
        assertThat(fine.dependencyRisk()).isFalse();
        assertThat(fine.reasons()).extracting(Explanation::code).doesNotContain("reason.dependency_risk");
        assertThat(unknown.dependencyRisk()).isFalse();
    }

    @Test
    void spreadsTheWeightOfRulesWithoutDataOverTheRest() {
        // Late payments 1 → 66.7 (weight 15); red-flag incidents 0 → 100 (weight 5); nothing else.
        // (15 × 66.7 + 5 × 100) ÷ 20 = 1,500.5 ÷ 20 = 75.025 → 75.0; completeness 20 ÷ 110 = 0.182.
        Scorecard scorecard = ScoringEngine.score(MODEL, client().month("2026-06", LATE_PAYMENTS, 1).build(), JUNE, null, null);

        assertThat(scorecard.score()).isEqualTo(new BigDecimal("75.0"));
        assertThat(scorecard.completeness()).isEqualTo(new BigDecimal("0.182"));
        assertThat(scorecard.grade()).isNull();
        assertThat(scorecard.recommendation()).isEqualTo(INSUFFICIENT_DATA);
        assertThat(scorecard.reasons()).extracting(com.mspscorecard.scoring.EnglishSentences::of)
                .containsExactly("Only 18.2% of the scoring weight has data; 50% is needed for a grade");
        assertThat(scorecard.rule("late_payments").orElseThrow().points()).isEqualTo(new BigDecimal("50.03"));
        assertThat(scorecard.rule("red_flag_incidents").orElseThrow().points()).isEqualTo(new BigDecimal("25.00"));
        assertThat(scorecard.rule("days_to_pay").orElseThrow().points()).isNull();
        assertThat(scorecard.categoryScores()).containsOnlyKeys(Category.PAYMENT, Category.RELATIONSHIP);
        assertThat(scorecard.categoryScore(Category.SECURITY)).isEmpty();
    }

    static Stream<Arguments> completeness() {
        // Red-flag incidents (5) always count; late payments 15, days to pay 10, disputed 10, security 10.
        HistoryBuilder fifty = client().month("2026-06", LATE_PAYMENTS, 0, AVG_DAYS_TO_PAY, 20,
                INVOICES_ISSUED, 2, DISPUTED_INVOICES, 0, SECURITY_INCIDENTS, 0);
        return Stream.of(
                arguments(fifty, "0.455", null),
                arguments(client().month("2026-06", LATE_PAYMENTS, 0, AVG_DAYS_TO_PAY, 20, INVOICES_ISSUED, 2,
                        DISPUTED_INVOICES, 0, SECURITY_INCIDENTS, 0, NEW_TICKETS, 10, REOPENED_TICKETS, 0), "0.500", Grade.A),
                arguments(client().month("2026-06", LATE_PAYMENTS, 0, AVG_DAYS_TO_PAY, 20, INVOICES_ISSUED, 2,
                        DISPUTED_INVOICES, 0, SECURITY_INCIDENTS, 0, ESCALATIONS, 0), "0.545", Grade.A));
    }

    @ParameterizedTest(name = "completeness {1} → grade {2}")
    @MethodSource("completeness")
    void gradesFromHalfTheWeightWithData(HistoryBuilder history, String completeness, Grade grade) {
        Scorecard scorecard = ScoringEngine.score(MODEL, history.build(), JUNE, null, null);

        assertThat(scorecard.completeness()).isEqualTo(new BigDecimal(completeness));
        assertThat(scorecard.score()).isEqualByComparingTo("100");
        assertThat(scorecard.grade()).isEqualTo(grade);
        assertThat(scorecard.recommendation()).isEqualTo(grade == null ? INSUFFICIENT_DATA : KEEP);
    }

    @Test
    void leavesDisabledRulesOutOfTheScoreAndTheWeight() {
        ScoringModel withoutMargin = MODEL.withRule(MODEL.rule("gross_margin").orElseThrow().withEnabled(false));

        Scorecard scorecard = ScoringEngine.score(withoutMargin, demanding().build(), JUNE, null, null);

        assertThat(scorecard.score()).isEqualByComparingTo("100");
        assertThat(scorecard.completeness()).isEqualTo(new BigDecimal("0.947"));
        assertThat(scorecard.rules()).extracting(RuleResult::ruleKey).doesNotContain("gross_margin").hasSize(11);
        assertThat(scorecard.recommendation()).isEqualTo(KEEP);
    }

    @Test
    void explainsEveryRuleEvenWithoutData() {
        Scorecard scorecard = ScoringEngine.score(MODEL, client().build(), JUNE, null, null);

        assertThat(scorecard.rules()).hasSize(12).allSatisfy(r -> assertThat(com.mspscorecard.scoring.EnglishSentences.of(r.explanation())).isNotBlank());
        assertThat(scorecard.rule("late_payments").orElseThrow().explanation()).satisfies(e -> {
            assertThat(com.mspscorecard.scoring.EnglishSentences.of(e)).isEqualTo("No data for late payments in the last 6 months");
            assertThat(e.code()).isEqualTo("rule.late_payments.no_data");
            assertThat(e.args()).containsExactly("I6");
        });
        assertThat(com.mspscorecard.scoring.EnglishSentences.of(scorecard.rule("red_flag_incidents").orElseThrow().explanation()))
                .isEqualTo("0 red-flag incidents logged in the last 12 months (good: 0, bad: 3) → 100.0 of 100");
        assertThat(scorecard.completeness()).isEqualTo(new BigDecimal("0.045"));
    }

    @Test
    void hasNoScoreWhenNoRuleHasData() {
        ScoringModel noIncidents = MODEL.withRule(MODEL.rule("red_flag_incidents").orElseThrow().withEnabled(false));

        Scorecard scorecard = ScoringEngine.score(noIncidents, client().build(), JUNE, null, new BigDecimal("80"));

        assertThat(scorecard.score()).isNull();
        assertThat(scorecard.grade()).isNull();
        assertThat(scorecard.completeness()).isEqualByComparingTo("0");
        assertThat(scorecard.categoryScores()).isEmpty();
        assertThat(scorecard.recommendation()).isEqualTo(INSUFFICIENT_DATA);
        assertThat(scorecard.worsening()).isFalse();
        assertThat(scorecard.scoreChange3m()).isNull();
    }

    @Test
    void scoresEveryMonthWithTheScoreOfThreeMonthsEarlier() {
        // Jan–Mar: a good client (100.0). From April escalations pile up: 2 a month.
        ClientHistory history = goodClient()
                .months(List.of("2026-01", "2026-02", "2026-03"), LATE_PAYMENTS, 0, AVG_DAYS_TO_PAY, 20,
                        INVOICES_ISSUED, 4, DISPUTED_INVOICES, 0, NEW_TICKETS, 5, ENDPOINTS, 20, REOPENED_TICKETS, 0,
                        ADMIN_REQUESTS, 2, ESCALATIONS, 0, RECOMMENDATIONS_IMPLEMENTED, 4, RECOMMENDATIONS_IGNORED, 0,
                        SECURITY_INCIDENTS, 0, REVENUE, 1000, DELIVERY_COST, 300)
                .months(Q2, ESCALATING).months(Q2, SLOW_PAYER)
                .month("2026-09", ESCALATIONS, 0)
                .build();

        List<Scorecard> scorecards = ScoringEngine.scoreAllMonths(MODEL, history, month -> null);

        assertThat(scorecards).extracting(Scorecard::month).extracting(YearMonth::toString)
                .containsExactly("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-09");
        assertThat(scorecards.subList(0, 3)).allSatisfy(s -> assertThat(s.scoreChange3m()).isNull());
        Scorecard april = scorecards.get(3);
        // April: escalations mean 2/3, days to pay mean (20 + 20 + 60) ÷ 3; change against January.
        assertThat(april.scoreChange3m()).isEqualByComparingTo(april.score().subtract(scorecards.get(0).score()));
        Scorecard june = scorecards.get(5);
        assertThat(june.score()).isEqualByComparingTo("81.0");
        assertThat(june.scoreChange3m()).isEqualByComparingTo("-19.0");
        assertThat(june.worsening()).isTrue();
        assertThat(june.recommendation()).isEqualTo(WATCH);
        // September's "three months earlier" is June.
        assertThat(scorecards.get(6).scoreChange3m())
                .isEqualByComparingTo(scorecards.get(6).score().subtract(june.score()));
    }

    @Test
    void aDrainInASmallPortfolioIsConsideredForOffboarding() {
        // Five clients: the top 20% is one client. Client 5 brings the least revenue but takes the most hours.
        ClientHistory drain = gradeC().id(5).months(Q2, REVENUE, 100, DELIVERY_COST, 30, HOURS_SPENT, 40).build();
        java.util.Map<Long, PortfolioFigures> figures = new java.util.HashMap<>();
        for (long id = 1; id <= 4; id++) {
            figures.put(id, new PortfolioFigures(BigDecimal.valueOf(10_000 * id), BigDecimal.valueOf(10), null));
        }
        // Three months of revenue 100 and 40 hours.
        figures.put(5L, new PortfolioFigures(BigDecimal.valueOf(300), BigDecimal.valueOf(120), null));
        Portfolio portfolio = Portfolio.of(JUNE, figures);

        Scorecard scorecard = ScoringEngine.score(MODEL, drain, JUNE, portfolio.position(5).orElseThrow(), null);
        Scorecard biggest = ScoringEngine.score(MODEL, gradeC().id(4).build(), JUNE, portfolio.position(4).orElseThrow(), null);

        assertThat(portfolio.drains(20, 20)).containsExactly(5L);
        assertThat(scorecard.drain()).isTrue();
        assertThat(scorecard.recommendation()).isEqualTo(CONSIDER_OFFBOARDING);
        assertThat(biggest.drain()).isFalse();
        assertThat(biggest.dependencyRisk()).isTrue();
        assertThat(biggest.recommendation()).isEqualTo(WATCH);
    }
}
