package com.mspscorecard.scoring.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static com.mspscorecard.metrics.Metric.*;
import static com.mspscorecard.scoring.engine.HistoryBuilder.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each rule under the default model, scored for June 2026, at and around its thresholds, at the
 * edges of its window and without data.
 */
class RulesTests {

    static final YearMonth JUNE = YearMonth.of(2026, 6);
    static final List<String> Q2 = List.of("2026-04", "2026-05", "2026-06");
    static final ScoringModel MODEL = ScoringModel.defaults();

    static Stream<Arguments> measurements() {
        return Stream.of(
                // late payments: sum, 6 months (Jan–Jun), good 0, bad 3
                arguments("late_payments", client().month("2026-06", LATE_PAYMENTS, 0), "0", "100.0"),
                arguments("late_payments", client().month("2026-01", LATE_PAYMENTS, 1).month("2026-06", LATE_PAYMENTS, 1), "2", "33.3"),
                arguments("late_payments", client().month("2026-06", LATE_PAYMENTS, 3), "3", "0.0"),
                arguments("late_payments", client().month("2025-12", LATE_PAYMENTS, 5).month("2026-06", LATE_PAYMENTS, 0), "0", "100.0"),
                arguments("late_payments", client().month("2025-12", LATE_PAYMENTS, 5).month("2026-06", REVENUE, 100), null, null),
                arguments("late_payments", client().month("2026-07", LATE_PAYMENTS, 5), null, null),
                // days to pay: mean, 3 months, good 30, bad 60
                arguments("days_to_pay", client().month("2026-04", AVG_DAYS_TO_PAY, 30).month("2026-05", AVG_DAYS_TO_PAY, 45).month("2026-06", AVG_DAYS_TO_PAY, 60), "45", "50.0"),
                arguments("days_to_pay", client().month("2026-04", AVG_DAYS_TO_PAY, 40).month("2026-05", REVENUE, 1).month("2026-06", AVG_DAYS_TO_PAY, 50), "45", "50.0"),
                arguments("days_to_pay", client().month("2026-03", AVG_DAYS_TO_PAY, 90).month("2026-06", AVG_DAYS_TO_PAY, 30), "30", "100.0"),
                arguments("days_to_pay", client().month("2026-06", AVG_DAYS_TO_PAY, 61), "61", "0.0"),
                arguments("days_to_pay", client().month("2026-03", AVG_DAYS_TO_PAY, 20), null, null),
                // disputed invoices: ratio, 6 months, good 0%, bad 20%
                arguments("disputed_invoices", client().month("2026-06", INVOICES_ISSUED, 10, DISPUTED_INVOICES, 1), "0.1", "50.0"),
                arguments("disputed_invoices", client().month("2026-01", INVOICES_ISSUED, 5, DISPUTED_INVOICES, 1).month("2026-06", INVOICES_ISSUED, 5, DISPUTED_INVOICES, 0), "0.1", "50.0"),
                arguments("disputed_invoices", client().month("2026-06", INVOICES_ISSUED, 5, DISPUTED_INVOICES, 1), "0.2", "0.0"),
                arguments("disputed_invoices", client().month("2026-06", INVOICES_ISSUED, 0, DISPUTED_INVOICES, 0), null, null),
                arguments("disputed_invoices", client().month("2026-06", DISPUTED_INVOICES, 1), null, null),
                arguments("disputed_invoices", client().month("2026-06", INVOICES_ISSUED, 10), null, null),
                // ticket load: new tickets per endpoint per month, 3 months, good 0.5, bad 2.0
                arguments("ticket_load", client().month("2026-06", NEW_TICKETS, 5, ENDPOINTS, 10), "0.5", "100.0"),
                arguments("ticket_load", client().month("2026-06", NEW_TICKETS, 20, ENDPOINTS, 10), "2", "0.0"),
                arguments("ticket_load", client().month("2026-06", NEW_TICKETS, 13, ENDPOINTS, 10), "1.3", "46.7"),
                arguments("ticket_load", client().endpoints(20).month("2026-06", NEW_TICKETS, 25), "1.25", "50.0"),
                arguments("ticket_load", client().month("2026-04", NEW_TICKETS, 10, ENDPOINTS, 10).month("2026-06", NEW_TICKETS, 5, ENDPOINTS, 10), "0.75", "83.3"),
                arguments("ticket_load", client().endpoints(10).month("2026-05", NEW_TICKETS, 50, ENDPOINTS, 0).month("2026-06", NEW_TICKETS, 5), "0.5", "100.0"),
                arguments("ticket_load", client().month("2026-06", NEW_TICKETS, 5), null, null),
                arguments("ticket_load", client().month("2026-06", NEW_TICKETS, 5, ENDPOINTS, 0), null, null),
                // reopened tickets: ratio, 3 months, good 5%, bad 25%
                arguments("reopened_tickets", client().month("2026-06", NEW_TICKETS, 20, REOPENED_TICKETS, 1), "0.05", "100.0"),
                arguments("reopened_tickets", client().month("2026-06", NEW_TICKETS, 20, REOPENED_TICKETS, 3), "0.15", "50.0"),
                arguments("reopened_tickets", client().month("2026-06", NEW_TICKETS, 20, REOPENED_TICKETS, 5), "0.25", "0.0"),
                arguments("reopened_tickets", client().month("2026-06", NEW_TICKETS, 0, REOPENED_TICKETS, 0), null, null),
                // admin requests: per endpoint per month, 3 months, good 0.2, bad 1.0
                arguments("admin_requests", client().month("2026-06", ADMIN_REQUESTS, 6, ENDPOINTS, 10), "0.6", "50.0"),
                arguments("admin_requests", client().month("2026-06", ADMIN_REQUESTS, 2, ENDPOINTS, 10), "0.2", "100.0"),
                arguments("admin_requests", client().month("2026-06", ADMIN_REQUESTS, 10, ENDPOINTS, 10), "1", "0.0"),
                arguments("admin_requests", client().month("2026-06", ENDPOINTS, 10), null, null),
                // escalations: mean per month, 3 months, good 0, bad 2
                arguments("escalations", client().month("2026-04", ESCALATIONS, 1).month("2026-05", ESCALATIONS, 2).month("2026-06", ESCALATIONS, 0), "1", "50.0"),
                arguments("escalations", client().month("2026-06", ESCALATIONS, 2), "2", "0.0"),
                arguments("escalations", client().month("2026-06", ESCALATIONS, 0), "0", "100.0"),
                arguments("escalations", client().month("2026-03", ESCALATIONS, 4), null, null),
                // ignored recommendations: ignored ÷ (implemented + ignored), 12 months, good 10%, bad 60%
                arguments("ignored_recommendations", client().month("2026-06", RECOMMENDATIONS_IMPLEMENTED, 3, RECOMMENDATIONS_IGNORED, 1), "0.25", "70.0"),
                arguments("ignored_recommendations", client().month("2026-06", RECOMMENDATIONS_IMPLEMENTED, 9, RECOMMENDATIONS_IGNORED, 1), "0.1", "100.0"),
                arguments("ignored_recommendations", client().month("2025-07", RECOMMENDATIONS_IMPLEMENTED, 4, RECOMMENDATIONS_IGNORED, 6), "0.6", "0.0"),
                arguments("ignored_recommendations", client().month("2025-06", RECOMMENDATIONS_IMPLEMENTED, 4, RECOMMENDATIONS_IGNORED, 6), null, null),
                arguments("ignored_recommendations", client().month("2026-06", RECOMMENDATIONS_IMPLEMENTED, 0, RECOMMENDATIONS_IGNORED, 0), null, null),
                arguments("ignored_recommendations", client().month("2026-06", RECOMMENDATIONS_MADE, 5), null, null),
                // red-flag incidents: count, 12 months (Jul 2025 – Jun 2026), good 0, bad 3; always has data
                arguments("red_flag_incidents", client(), "0", "100.0"),
                arguments("red_flag_incidents", client().incident("2025-07-01", IncidentCategory.OTHER).incident("2026-06-30", IncidentCategory.ERRATIC_COMMUNICATION), "2", "33.3"),
                arguments("red_flag_incidents", client().incident("2025-06-30", IncidentCategory.OTHER).incident("2026-07-01", IncidentCategory.OTHER), "0", "100.0"),
                arguments("red_flag_incidents", client().incident("2026-01-01", IncidentCategory.ABUSIVE_TREATMENT).incident("2026-02-01", IncidentCategory.OTHER).incident("2026-03-01", IncidentCategory.SECURITY_NEGLIGENCE), "3", "0.0"),
                // staff vote: latest poll closed within 15 months (Apr 2025 – Jun 2026), good 0%, bad 15%
                arguments("staff_vote", client().poll("2026-01-31", "0.075"), "0.075", "50.0"),
                arguments("staff_vote", client().poll("2025-04-01", "0.15"), "0.15", "0.0"),
                arguments("staff_vote", client().poll("2025-01-31", "0.30").poll("2026-06-30", "0"), "0", "100.0"),
                arguments("staff_vote", client().poll("2025-03-31", "0.30"), null, null),
                arguments("staff_vote", client().poll("2026-07-01", "0.30"), null, null),
                arguments("staff_vote", client(), null, null),
                // security incidents: sum, 6 months, good 0, bad 3
                arguments("security_incidents", client().month("2026-06", SECURITY_INCIDENTS, 1), "1", "66.7"),
                arguments("security_incidents", client().month("2026-01", SECURITY_INCIDENTS, 2).month("2026-06", SECURITY_INCIDENTS, 1), "3", "0.0"),
                arguments("security_incidents", client().month("2025-12", SECURITY_INCIDENTS, 9).month("2026-06", SECURITY_INCIDENTS, 0), "0", "100.0"),
                arguments("security_incidents", client().month("2026-06", REVENUE, 10), null, null),
                // gross margin: (Σrevenue − Σcost) ÷ Σrevenue, 3 months, good 60%, bad 20% (higher is better)
                arguments("gross_margin", client().month("2026-06", REVENUE, 1000, DELIVERY_COST, 400), "0.6", "100.0"),
                arguments("gross_margin", client().month("2026-06", REVENUE, 1000, DELIVERY_COST, 600), "0.4", "50.0"),
                arguments("gross_margin", client().month("2026-06", REVENUE, 1000, DELIVERY_COST, 800), "0.2", "0.0"),
                arguments("gross_margin", client().month("2026-06", REVENUE, 1000, DELIVERY_COST, 1500), "-0.5", "0.0"),
                arguments("gross_margin", client().month("2026-05", REVENUE, 1000).month("2026-06", REVENUE, 1000, DELIVERY_COST, 400), "0.6", "100.0"),
                arguments("gross_margin", client().month("2026-06", REVENUE, 0, DELIVERY_COST, 100), null, null),
                arguments("gross_margin", client().month("2026-06", REVENUE, 1000), null, null));
    }

    @ParameterizedTest(name = "{0}: {1} → {2}, {3}")
    @MethodSource("measurements")
    void measuresItsWindowAndMapsItToASubScore(String key, HistoryBuilder history, String value, String subScore) {
        Rule rule = Rules.byKey(key).orElseThrow();
        RuleSettings settings = MODEL.rule(key).orElseThrow();

        BigDecimal measured = rule.value(history.build(), JUNE, settings.windowMonths());

        if (value == null) {
            assertThat(measured).isNull();
        } else {
            assertThat(measured).isEqualByComparingTo(value);
            assertThat(settings.subScore(measured).toPlainString()).isEqualTo(subScore);
        }
    }

    @Test
    void everyRuleOfTheDefaultModelExistsOnceAndInTheCategoryOfItsRule() {
        assertThat(MODEL.rules()).extracting(RuleSettings::key)
                .containsExactlyElementsOf(Rules.all().stream().map(Rule::key).toList());
        for (RuleSettings settings : MODEL.rules()) {
            assertThat(settings.category()).as(settings.key())
                    .isEqualTo(Rules.byKey(settings.key()).orElseThrow().category());
        }
        assertThat(MODEL.rules()).extracting(RuleSettings::weight).containsExactly(15, 10, 10, 10, 5, 5, 10, 10, 5, 5, 10, 15);
    }

    @Test
    void writesThePlainWordsUsersRead() {
        ClientHistory history = client()
                .month("2026-06", LATE_PAYMENTS, 1, INVOICES_ISSUED, 8, DISPUTED_INVOICES, 1, AVG_DAYS_TO_PAY, "41.5")
                .poll("2026-01-31", "0.06")
                .build();

        // One month of figures: a longer window says how much of it the history covers.
        assertThat(words("late_payments", history))
                .startsWith("1 late payment in the last 6 months, of which only 1 with figures (good: 0, bad: 3) → ");
        assertThat(words("disputed_invoices", history)).startsWith("12.5% of invoices disputed in the last 6 months");
        assertThat(words("days_to_pay", history)).startsWith("Paid in 41.5 days on average over the last 3 months");
        assertThat(words("staff_vote", history)).startsWith("6.0% of all points in the staff poll closed on 2026-01-31");
        assertThat(words("staff_vote", client().build()))
                .isEqualTo("No data for staff vote: no poll closed in the last 15 months");
    }

    private static String words(String key, ClientHistory history) {
        return com.mspscorecard.scoring.EnglishSentences.of(
                ScoringEngine.score(MODEL, history, JUNE, null, null).rule(key).orElseThrow().explanation());
    }

    @Test
    void aRuleWithALongerWindowLooksFurtherBack() {
        ClientHistory history = client().month("2026-01", LATE_PAYMENTS, 2).month("2026-06", LATE_PAYMENTS, 0).build();
        Rule rule = Rules.byKey("late_payments").orElseThrow();

        assertThat(rule.value(history, JUNE, 6)).isEqualTo(BigDecimal.valueOf(2));
        assertThat(rule.value(history, JUNE, 3)).isEqualTo(BigDecimal.ZERO);
    }

    @ParameterizedTest(name = "months {0}, window of {2} ending {1}")
    @CsvSource({
            // one late payment in each listed month; the window's sum, or empty for no data
            "'2026-03 2026-04 2026-05', 2026-06, 3, 2",
            "'2026-03 2026-04 2026-05', 2026-05, 6, 3",
            "'2026-03 2026-04 2026-05', 2026-03, 1, 1",
            "'2026-03 2026-04 2026-05', 2026-02, 3, ",
            "'2026-03 2026-04 2026-05', 2026-09, 3, ",
            "'2026-01 2026-03 2026-05', 2026-05, 3, 2",
            "'2026-01 2026-03 2026-05', 2026-04, 2, 1",
            "'2026-01 2026-03 2026-05', 2026-06, 1, ",
            "'2026-01 2026-03 2026-05', 2026-12, 12, 3"})
    void aWindowCountsExactlyTheMonthsItCoversWithOrWithoutGapsInTheHistory(String months, String end, int length,
                                                                           Integer expected) {
        HistoryBuilder builder = client();
        for (String month : months.split(" ")) {
            builder.month(month, LATE_PAYMENTS, 1);
        }
        Rule rule = Rules.byKey("late_payments").orElseThrow();
        assertThat(java.util.Optional.ofNullable(rule.value(builder.build(), java.time.YearMonth.parse(end), length)))
                .isEqualTo(java.util.Optional.ofNullable(expected).map(BigDecimal::valueOf));
    }
}
