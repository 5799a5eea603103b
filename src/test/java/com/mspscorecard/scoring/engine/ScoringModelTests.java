package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScoringModelTests {

    static final ScoringModel MODEL = ScoringModel.defaults();

    @Test
    void theDefaultsAreVersionOneOfTheSpecification() {
        assertThat(MODEL.version()).isEqualTo(1);
        assertThat(MODEL.gradeBands()).isEqualTo(new GradeBands(BigDecimal.valueOf(85), BigDecimal.valueOf(70),
                BigDecimal.valueOf(55), BigDecimal.valueOf(40)));
        assertThat(MODEL.minimumCompleteness()).isEqualByComparingTo("0.5");
        assertThat(MODEL.worseningPoints()).isEqualByComparingTo("10");
        assertThat(MODEL.targetMargin()).isEqualByComparingTo("0.5");
        assertThat(MODEL.dependencyShare()).isEqualByComparingTo("0.15");
        assertThat(MODEL.drainRevenueTopPercent()).isEqualTo(20);
        assertThat(MODEL.drainEffortTopPercent()).isEqualTo(20);
        assertThat(MODEL.rule("gross_margin").orElseThrow()).isEqualTo(new RuleSettings("gross_margin",
                Category.PROFITABILITY, new BigDecimal("0.60"), new BigDecimal("0.20"), 15, 3, true));
        assertThat(MODEL.rule("staff_vote").orElseThrow().windowMonths()).isEqualTo(15);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"100, A", "85.0, A", "84.9, B", "70, B", "69.9, C", "55, C", "54.9, D", "40, D", "39.9, F", "0, F"})
    void gradesByBand(String score, Grade grade) {
        assertThat(MODEL.gradeBands().gradeOf(new BigDecimal(score))).isEqualTo(grade);
    }

    @Test
    void refusesUnknownOrRepeatedRulesAndDealbreakers() {
        List<RuleSettings> twice = new ArrayList<>(MODEL.rules());
        twice.add(MODEL.rules().get(0));
        List<RuleSettings> unknown = new ArrayList<>(MODEL.rules());
        unknown.add(new RuleSettings("shoe_size", Category.PAYMENT, BigDecimal.ZERO, BigDecimal.ONE, 5, 3, true));
        List<DealbreakerSettings> twiceDealbreaker = new ArrayList<>(MODEL.dealbreakers());
        twiceDealbreaker.add(MODEL.dealbreakers().get(0));

        assertThatIllegalArgumentException().isThrownBy(() -> withRules(twice)).withMessageContaining("late_payments");
        assertThatIllegalArgumentException().isThrownBy(() -> withRules(unknown)).withMessageContaining("shoe_size");
        // An unknown dealbreaker has no thresholds to type: its settings cannot even be made.
        assertThatIllegalArgumentException().isThrownBy(() -> DealbreakerSettings.of("bad_vibes", true, Map.of()))
                .withMessageContaining("bad_vibes");
        assertThatIllegalArgumentException().isThrownBy(() -> new ScoringModel(2, MODEL.rules(), twiceDealbreaker,
                        MODEL.gradeBands(), MODEL.minimumCompleteness(), MODEL.worseningPoints(), 20, 20,
                        MODEL.targetMargin(), MODEL.dependencyShare()))
                .withMessageContaining("abusive_treatment");
    }

    @Test
    void dealbreakerThresholdsAreTypedAndReadFromTheirNames() {
        DealbreakerSettings late = MODEL.dealbreaker("recurring_late_payments").orElseThrow();
        assertThat(late.thresholds()).isEqualTo(new Thresholds.LatePayments(3, 1, 6));
        assertThat(late.thresholds().byName()).containsExactly(
                Map.entry("min_late_payments", BigDecimal.valueOf(3)),
                Map.entry("min_late_payments_prepaid", BigDecimal.ONE),
                Map.entry("window_months", BigDecimal.valueOf(6)));
        assertThat(DealbreakerSettings.of("recurring_late_payments", true, late.thresholds().byName())).isEqualTo(late);
        assertThat(MODEL.dealbreaker("disrespect").orElseThrow().thresholds())
                .isEqualTo(new Thresholds.IncidentCount(2, 12));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DealbreakerSettings.of("disrespect", true, Map.of("min_incidents", BigDecimal.ONE)))
                .withMessageContaining("window_months");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DealbreakerSettings("disrespect", true, late.thresholds()))
                .withMessageContaining("disrespect");
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ScoringModel(2, MODEL.rules(), MODEL.dealbreakers(),
                MODEL.gradeBands(), MODEL.minimumCompleteness(), MODEL.worseningPoints(), 20, 20, BigDecimal.ONE,
                MODEL.dependencyShare())).withMessageContaining("targetMargin");
        assertThatIllegalArgumentException().isThrownBy(() -> new GradeBands(BigDecimal.valueOf(70),
                BigDecimal.valueOf(85), BigDecimal.valueOf(55), BigDecimal.valueOf(40)));
        assertThatIllegalArgumentException().isThrownBy(() -> new RuleSettings("late_payments", Category.PAYMENT,
                BigDecimal.ZERO, BigDecimal.ONE, -1, 6, true));
        assertThatIllegalArgumentException().isThrownBy(() -> new RuleSettings("late_payments", Category.PAYMENT,
                BigDecimal.ZERO, BigDecimal.ONE, 15, 0, true));
    }

    @Test
    void refusesFiguresThatCannotBeTrue() {
        YearMonth june = YearMonth.of(2026, 6);
        assertThatIllegalArgumentException().isThrownBy(() ->
                new MonthlyFigures(june, Map.of(Metric.LATE_PAYMENTS, BigDecimal.valueOf(-1))));
        MonthlyFigures may = new MonthlyFigures(YearMonth.of(2026, 5), Map.of());
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientHistory(1, PaymentTerms.NET_30, null,
                new java.util.TreeMap<>(Map.of(june, may)), List.of(), null));
        assertThatIllegalArgumentException().isThrownBy(() -> HistoryBuilder.client().poll("2026-01-31", "1.5").build());
        assertThat(new MonthlyFigures(june, Map.of(Metric.REVENUE, BigDecimal.TEN)).get(Metric.DELIVERY_COST)).isEmpty();
    }

    private static ScoringModel withRules(List<RuleSettings> rules) {
        return new ScoringModel(2, rules, MODEL.dealbreakers(), MODEL.gradeBands(), MODEL.minimumCompleteness(),
                MODEL.worseningPoints(), 20, 20, MODEL.targetMargin(), MODEL.dependencyShare());
    }
}
