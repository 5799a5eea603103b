package com.mspscorecard.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.mspscorecard.metrics.Metric;
import com.mspscorecard.metrics.SnapshotFigures;
import org.junit.jupiter.api.Test;

/** The service figures of a report: sums over the quarter, "no data" kept apart from zero, a year of bars. */
class ServiceFiguresTests {

    static final YearMonth JUNE = YearMonth.of(2026, 6);

    @Test
    void theQuarterAddsUpItsMonthsAndTheRatesUseTheSums() {
        Map<YearMonth, SnapshotFigures> months = new HashMap<>();
        put(months, YearMonth.of(2026, 3), Map.of(Metric.NEW_TICKETS, 1000)); // before the quarter: not counted
        put(months, YearMonth.of(2026, 4), Map.of(Metric.NEW_TICKETS, 40, Metric.REOPENED_TICKETS, 2,
                Metric.RECOMMENDATIONS_MADE, 4, Metric.RECOMMENDATIONS_IMPLEMENTED, 3, Metric.RECOMMENDATIONS_IGNORED, 1));
        put(months, YearMonth.of(2026, 6), Map.of(Metric.NEW_TICKETS, 60, Metric.REOPENED_TICKETS, 8,
                Metric.RECOMMENDATIONS_IGNORED, 4, Metric.ENDPOINTS, 25));
        ServiceFigures figures = ServiceFigures.of(JUNE, months, 10);

        assertThat(figures.from()).isEqualTo(YearMonth.of(2026, 4));
        assertThat(figures.tickets()).isEqualByComparingTo("100");
        assertThat(figures.reopenedRate()).isEqualByComparingTo("0.10");
        assertThat(figures.recommendationsMade()).isEqualByComparingTo("4");
        // 3 implemented of the 8 answered (3 implemented + 5 ignored)
        assertThat(figures.recommendationResponse()).isEqualByComparingTo("0.375");
        // no month reported security alerts: no data, not zero
        assertThat(figures.securityIncidents()).isNull();
        // the latest month's endpoints, not the client's default
        assertThat(figures.endpoints()).isEqualByComparingTo("25");
    }

    @Test
    void withoutFiguresEverythingIsNoDataAndTheYearStillHasTwelveMonths() {
        ServiceFigures figures = ServiceFigures.of(JUNE, Map.of(), null);
        assertThat(figures.tickets()).isNull();
        assertThat(figures.reopenedRate()).isNull();
        assertThat(figures.recommendationResponse()).isNull();
        assertThat(figures.endpoints()).isNull();
        assertThat(figures.months()).hasSize(12).allSatisfy(m -> assertThat(m.ticketsBar()).isNull());
        assertThat(figures.months().get(0).month()).isEqualTo(YearMonth.of(2025, 7));
        assertThat(ServiceFigures.of(JUNE, Map.of(), 10).endpoints()).isEqualByComparingTo("10");
    }

    @Test
    void theBusiestMonthIsTheTallestBarAndReopenedTicketsAreDrawnInsideIt() {
        Map<YearMonth, SnapshotFigures> months = new HashMap<>();
        put(months, JUNE, Map.of(Metric.NEW_TICKETS, 50, Metric.REOPENED_TICKETS, 10));
        put(months, JUNE.minusMonths(1), Map.of(Metric.NEW_TICKETS, 25, Metric.REOPENED_TICKETS, 40));
        ServiceFigures.Month june = ServiceFigures.of(JUNE, months, null).months().get(11);
        ServiceFigures.Month may = ServiceFigures.of(JUNE, months, null).months().get(10);
        assertThat(june.ticketsBar()).isEqualTo("27.2mm");
        assertThat(june.reopenedBar()).isEqualTo("6.8mm");
        // more reopened than new: the reopened part fills the bar, never more
        assertThat(may.ticketsBar()).isEqualTo("0.0mm");
        assertThat(may.reopenedBar()).isEqualTo("17.0mm");
    }

    @Test
    void unknownAudiencesGetTheVersionSafeToHandOverAndFileNamesKeepOnlyPlainCharacters() {
        assertThat(Audience.of("internal")).isEqualTo(Audience.INTERNAL);
        assertThat(Audience.of(" INTERNAL ")).isEqualTo(Audience.INTERNAL);
        assertThat(Audience.of(null)).isEqualTo(Audience.CLIENT);
        assertThat(Audience.of("everything")).isEqualTo(Audience.CLIENT);
        assertThat(ReportController.fileName("Rossi & Figli/\"Caffè\"", JUNE, Audience.CLIENT, Locale.ITALIAN))
                .isEqualTo("Rossi _ Figli_Caffè_-2026-06-client-it");
    }

    private static void put(Map<YearMonth, SnapshotFigures> months, YearMonth month, Map<Metric, Integer> values) {
        Map<Metric, BigDecimal> figures = new EnumMap<>(Metric.class);
        values.forEach((metric, value) -> figures.put(metric, BigDecimal.valueOf(value)));
        months.put(month, new SnapshotFigures(1L, month, figures));
    }
}
