package com.mspscorecard.scoring.engine;

import static com.mspscorecard.metrics.Metric.LATE_PAYMENTS;
import static com.mspscorecard.scoring.engine.HistoryBuilder.client;
import static com.mspscorecard.scoring.engine.ScoringEngineTests.JUNE;
import static com.mspscorecard.scoring.engine.ScoringEngineTests.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import com.mspscorecard.scoring.EnglishSentences;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 4: a recommendation names the rules that cost the most points, with their values
 * and targets, in words rather than codes, rounded as the breakdown table rounds them.
 */
class ReasonsThatExplainTests {

    @Test
    void aGradeFNamesTheThreeRulesThatCostTheMostPointsWithValuesAndTargets() {
        Scorecard card = ScoringEngine.score(MODEL, ScoringEngineTests.gradeF().build(), JUNE, null, null);

        assertThat(card.recommendation()).isEqualTo(Recommendation.CONSIDER_OFFBOARDING);
        assertThat(english(card.reasons())).containsExactly(
                "Grade F (score 28.6)",
                // 15 of 105 weight at sub-score 0 costs 14.3 points; then the first two of the rules costing 9.5.
                "Gross margin: 20.0% against a target of 60% costs 14.3 points",
                "Days to pay: 60.0 against a target of 30 costs 9.5 points",
                "Disputed invoices: 25.0% against a target of 0% costs 9.5 points");
        assertThat(italian(card.reasons()).get(1)).isEqualTo("Margine lordo: 20,0% contro un obiettivo di 60% costa 14,3 punti");
    }

    @Test
    void theValueInTheReasonIsRoundedAsTheRulesOwnSentenceAndTableRoundIt() {
        Scorecard card = ScoringEngine.score(MODEL, ScoringEngineTests.gradeF().build(), JUNE, null, null);
        RuleResult margin = card.rule("gross_margin").orElseThrow();

        String table = margin.quantity().format(margin.value());
        assertThat(EnglishSentences.of(margin.explanation())).startsWith("Gross margin " + table + " ");
        assertThat(english(card.reasons()).get(1)).startsWith("Gross margin: " + table + " ");
    }

    @Test
    void aClientThatLosesNoPointIsKeptWithoutCostsAndInsufficientDataNamesNone() {
        Scorecard good = ScoringEngine.score(MODEL, ScoringEngineTests.goodClient().build(), JUNE, null, null);
        assertThat(english(good.reasons())).containsExactly("Grade A (score 100.0), no dealbreaker and no decline");

        Scorecard thin = ScoringEngine.score(MODEL, client().month("2026-06", LATE_PAYMENTS, 2).build(), JUNE, null, null);
        assertThat(thin.recommendation()).isEqualTo(Recommendation.INSUFFICIENT_DATA);
        assertThat(thin.reasons()).extracting(Explanation::code).containsExactly("reason.insufficient_data");
    }

    @Test
    void paymentTermsAreWordsNotCodes() {
        Scorecard prepaid = ScoringEngine.score(MODEL, client().terms(PaymentTerms.PREPAID)
                .month("2026-06", LATE_PAYMENTS, 1).build(), JUNE, null, null);
        Scorecard net30 = ScoringEngine.score(MODEL, client().terms(PaymentTerms.NET_30)
                .month("2026-06", LATE_PAYMENTS, 3).build(), JUNE, null, null);

        assertThat(EnglishSentences.of(prepaid.dealbreakers().get(0).reason()))
                .isEqualTo("1 late payment in the last 6 months; terms are prepaid");
        assertThat(EnglishSentences.of(net30.dealbreakers().get(0).reason()))
                .isEqualTo("3 late payments in the last 6 months; terms are net 30 days");
        assertThat(EnglishSentences.of(net30.dealbreakers().get(0).reason(), Locale.ITALIAN))
                .isEqualTo("3 pagamenti in ritardo negli ultimi 6 mesi; termini di pagamento a 30 giorni");
    }

    private static List<String> english(List<Explanation> reasons) {
        return reasons.stream().map(EnglishSentences::of).toList();
    }

    private static List<String> italian(List<Explanation> reasons) {
        return reasons.stream().map(r -> EnglishSentences.of(r, Locale.ITALIAN)).toList();
    }
}
