package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Rescoring a whole portfolio after a model change must feel instant. */
class ScoringPerformanceTests {

    @Test
    void rescoresTwoThousandClientsOverFiveYearsWellUnderFiveSeconds() {
        Random random = new Random(7);
        YearMonth first = YearMonth.of(2021, 7);
        List<ClientHistory> histories = new ArrayList<>();
        for (int client = 0; client < 2_000; client++) {
            List<MonthlyFigures> months = new ArrayList<>();
            for (int m = 0; m < 60; m++) {
                Map<Metric, BigDecimal> values = new EnumMap<>(Metric.class);
                for (Metric metric : Metric.values()) {
                    values.put(metric, BigDecimal.valueOf(random.nextInt(metric == Metric.REVENUE ? 5_000 : 40)));
                }
                months.add(new MonthlyFigures(first.plusMonths(m), values));
            }
            List<IncidentFact> incidents = List.of(
                    new IncidentFact(LocalDate.of(2023, 1 + random.nextInt(12), 1), IncidentCategory.OTHER),
                    new IncidentFact(LocalDate.of(2025, 1 + random.nextInt(12), 1), IncidentCategory.DISRESPECT_OF_EXPERTISE));
            histories.add(ClientHistory.of(client, PaymentTerms.NET_30, 25, months, incidents,
                    Map.of(LocalDate.of(2025, 1, 31), new BigDecimal("0.01"))));
        }
        ScoringModel model = ScoringModel.defaults();
        // A running application has compiled the engine and touched its heap long before an owner
        // activates a model; a fresh test JVM has not, and on a busy two-core machine that alone
        // costs seconds. Warm up on a tenth of the portfolio, then time the whole of it.
        for (ClientHistory history : histories.subList(0, 200)) {
            ScoringEngine.scoreAllMonths(model, history, null);
        }

        long start = System.nanoTime();
        int scored = 0;
        for (ClientHistory history : histories) {
            scored += ScoringEngine.scoreAllMonths(model, history, null).size();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(scored).isEqualTo(120_000);
        // About 1.5 s on a shared two-core build machine, well under a second on a laptop.
        assertThat(millis).as("milliseconds for 120,000 scorecards").isLessThan(5_000);
    }
}
