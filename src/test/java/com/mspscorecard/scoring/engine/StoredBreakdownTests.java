package com.mspscorecard.scoring.engine;

import static com.mspscorecard.scoring.engine.HistoryBuilder.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.mspscorecard.metrics.Metric;
import org.junit.jupiter.api.Test;

/**
 * Stored scorecards keep a rule's value and sub-score only; the page shows the sentence the
 * engine wrote when it scored. Rebuilding from the numbers must give exactly that sentence.
 */
class StoredBreakdownTests {

    private static final YearMonth JUNE = YearMonth.of(2026, 6);

    @Test
    void rebuildsTheSameSentencesAndPointsFromTheStoredNumbers() {
        ClientHistory history = client()
                .months(List.of("2026-04", "2026-05", "2026-06"), Metric.LATE_PAYMENTS, 1, Metric.AVG_DAYS_TO_PAY, 41,
                        Metric.NEW_TICKETS, 30, Metric.REOPENED_TICKETS, 3, Metric.REVENUE, 4000,
                        Metric.DELIVERY_COST, 2500, Metric.INVOICES_ISSUED, 2, Metric.DISPUTED_INVOICES, 1)
                .incident("2026-02-10", IncidentCategory.DISRESPECT_OF_EXPERTISE)
                .poll("2026-03-31", "0.085")
                .build();
        ScoringModel model = ScoringModel.defaults();
        Scorecard scored = ScoringEngine.score(model, history, JUNE, null, null);

        List<BigDecimal> values = new ArrayList<>();
        List<BigDecimal> subScores = new ArrayList<>();
        LocalDate pollClosedOn = null;
        for (RuleResult rule : scored.rules()) {
            values.add(rule.value());
            subScores.add(rule.subScore());
            if (rule.pollClosedOn() != null) {
                pollClosedOn = rule.pollClosedOn();
            }
        }
        // April to June: three months of history.
        List<RuleResult> rebuilt = ScoringEngine.rules(model, values, subScores, pollClosedOn, 3);

        assertThat(pollClosedOn).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(rebuilt).hasSize(12);
        for (int i = 0; i < rebuilt.size(); i++) {
            RuleResult original = scored.rules().get(i);
            RuleResult again = rebuilt.get(i);
            assertThat(again.ruleKey()).isEqualTo(original.ruleKey());
            assertThat(again.points()).isEqualTo(original.points());
            assertThat(again.weight()).isEqualTo(original.weight());
            assertThat(again.explanation()).isEqualTo(original.explanation());
        }
        assertThat(com.mspscorecard.scoring.EnglishSentences.of(rebuilt.get(9).explanation()))
                .isEqualTo("8.5% of all points in the staff poll closed on 2026-03-31 (good: 0%, bad: 15%) → 43.3 of 100");
        // A six-month window over three months of figures says so; a three-month one does not.
        assertThat(com.mspscorecard.scoring.EnglishSentences.of(rebuilt.get(0).explanation()))
                .isEqualTo("3 late payments in the last 6 months, of which only 3 with figures (good: 0, bad: 3) → 0.0 of 100");
        assertThat(com.mspscorecard.scoring.EnglishSentences.of(rebuilt.get(1).explanation()))
                .isEqualTo("Paid in 41.0 days on average over the last 3 months (good: 30, bad: 60) → 63.3 of 100");
    }

    @Test
    void refusesNumbersThatDoNotMatchTheModelsRules() {
        assertThatThrownBy(() -> ScoringEngine.rules(ScoringModel.defaults(), List.of(BigDecimal.ONE),
                List.of(BigDecimal.TEN), null, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
