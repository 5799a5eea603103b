package com.mspscorecard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import com.mspscorecard.numbers.NumberStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapshotRulesTests {

    /** 15 March 2026: March is the current month, April the first future one. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneOffset.UTC);

    static final YearMonth FEBRUARY = YearMonth.of(2026, 2);

    @ParameterizedTest(name = "{0} = ''{1}'' → {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            new_tickets        | 12          | OK   | 12
            new_tickets        | 0           | OK   | 0
            new_tickets        | ' 7 '       | OK   | 7
            new_tickets        | 3.0         | OK   | 3
            new_tickets        | 3.5         | snapshot.value.wholeNumber | NULL
            new_tickets        | -1          | snapshot.value.negative    | NULL
            new_tickets        | abc         | number.invalid             | NULL
            new_tickets        | 1e3         | number.invalid             | NULL
            new_tickets        | 2147483648  | snapshot.value.tooLarge    | NULL
            new_tickets        | ''          | OK   | NULL
            new_tickets        | '   '       | OK   | NULL
            avg_days_to_pay    | 31.25       | OK   | 31.25
            avg_days_to_pay    | '31,5'      | OK   | 31.50
            avg_days_to_pay    | 31.255      | number.ambiguous           | NULL
            avg_days_to_pay    | 31.2555     | snapshot.value.decimals    | NULL
            avg_days_to_pay    | '1.000,50'  | OK   | 1000.50
            avg_days_to_pay    | '1,000'     | number.ambiguous           | NULL
            avg_days_to_pay    | 1000000     | snapshot.value.tooLarge    | NULL
            revenue            | 1500        | OK   | 1500.00
            revenue            | 1500.10     | OK   | 1500.10
            revenue            | 1500.100    | OK   | 1500.10
            revenue            | 0.001       | snapshot.value.decimals    | NULL
            revenue            | -0.01       | snapshot.value.negative    | NULL
            revenue            | 1000000000000 | snapshot.value.tooLarge  | NULL
            hours_spent        | .5          | OK   | 0.50
            endpoints          | 40          | OK   | 40
            """)
    void eachValueIsCheckedOnItsOwn(String field, String raw, String expected, String stored) {
        Metric metric = Metric.byFieldName(field).orElseThrow();
        Map<Metric, Object> values = new EnumMap<>(Metric.class);
        values.put(metric, raw);
        SnapshotRules.Result result = SnapshotRules.check(FEBRUARY, values, NumberStyle.ENGLISH, CLOCK);
        if (expected.equals("OK")) {
            assertThat(result.problems()).isEmpty();
            assertThat(result.values().get(metric)).isEqualTo(stored == null ? null : new BigDecimal(stored));
        }
        else {
            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo(field);
                assertThat(p.code()).isEqualTo(expected);
            });
            assertThat(result.values()).doesNotContainKey(metric);
        }
    }

    @ParameterizedTest(name = "made {0}, implemented {1}, ignored {2} → {3}")
    @CsvSource(nullValues = "NULL", textBlock = """
            5, 3, 2, OK
            5, 3, 3, snapshot.recommendations.exceedMade
            0, 0, 1, snapshot.recommendations.exceedMade
            NULL, 3, 9, OK
            5, NULL, 9, OK
            5, 9, NULL, OK
            0, 0, 0, OK
            """)
    void implementedPlusIgnoredMayNotExceedMadeWhenAllThreeAreGiven(String made, String implemented, String ignored,
            String expected) {
        Map<Metric, Object> values = new HashMap<>();
        values.put(Metric.RECOMMENDATIONS_MADE, made);
        values.put(Metric.RECOMMENDATIONS_IMPLEMENTED, implemented);
        values.put(Metric.RECOMMENDATIONS_IGNORED, ignored);
        SnapshotRules.Result result = SnapshotRules.check(FEBRUARY, values, NumberStyle.ENGLISH, CLOCK);
        if (expected.equals("OK")) {
            assertThat(result.valid()).isTrue();
        }
        else {
            assertThat(result.problems()).extracting(SnapshotRules.Problem::code).containsExactly(expected);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            2026-04, snapshot.month.future
            2027-01, snapshot.month.future
            2026-03, OK
            2020-01, OK
            """)
    void monthsInTheFutureAreRefused(String month, String expected) {
        SnapshotRules.Result result = SnapshotRules.check(YearMonth.parse(month), Map.of(), NumberStyle.ENGLISH, CLOCK);
        assertThat(result.problems()).extracting(SnapshotRules.Problem::code)
                .isEqualTo(expected.equals("OK") ? java.util.List.of() : java.util.List.of(expected));
    }

    @Test
    void numbersFromTheApiOrTheImportAreCheckedLikeTypedText() {
        Map<Metric, Object> values = new EnumMap<>(Metric.class);
        values.put(Metric.NEW_TICKETS, 4);
        values.put(Metric.REVENUE, new BigDecimal("12.345"));
        values.put(Metric.HOURS_SPENT, 7.5d);
        values.put(Metric.ESCALATIONS, null);
        SnapshotRules.Result result = SnapshotRules.check(FEBRUARY, values, NumberStyle.ENGLISH, CLOCK);
        assertThat(result.problems()).extracting(SnapshotRules.Problem::field).containsExactly("revenue");
        assertThat(result.values()).containsEntry(Metric.NEW_TICKETS, new BigDecimal("4"))
                .containsEntry(Metric.HOURS_SPENT, new BigDecimal("7.50")).doesNotContainKey(Metric.ESCALATIONS);
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        Map<Metric, Object> values = new EnumMap<>(Metric.class);
        values.put(Metric.NEW_TICKETS, "-2");
        values.put(Metric.REVENUE, "x");
        SnapshotRules.Result result = SnapshotRules.check(YearMonth.of(2030, 1), values, NumberStyle.ENGLISH, CLOCK);
        assertThat(result.problems()).extracting(SnapshotRules.Problem::field)
                .containsExactlyInAnyOrder("month", "new_tickets", "revenue");
    }
}
