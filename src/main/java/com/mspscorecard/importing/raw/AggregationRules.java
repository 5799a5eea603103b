package com.mspscorecard.importing.raw;

import com.mspscorecard.metrics.Metric;

/**
 * Each field's rule in words, for the preview's "how computed" column: a message code of
 * {@code messages/psa-reading} per snapshot field ({@code psa.rule.new_tickets}, …).
 */
public final class AggregationRules {

    private AggregationRules() {
    }

    /** The message code of the rule for {@code snapshotField} ({@code new_tickets}), or {@code psa.rule.none}. */
    public static String ruleCode(String snapshotField) {
        return Metric.byFieldName(snapshotField).map(AggregationRules::ruleCode).orElse("psa.rule.none");
    }

    public static String ruleCode(Metric metric) {
        return switch (metric) {
            case NEW_TICKETS, REOPENED_TICKETS, ADMIN_REQUESTS, ESCALATIONS, SECURITY_INCIDENTS, INVOICES_ISSUED,
                    REVENUE, LATE_PAYMENTS, AVG_DAYS_TO_PAY, DISPUTED_INVOICES, HOURS_SPENT, DELIVERY_COST ->
                    "psa.rule." + metric.fieldName();
            default -> "psa.rule.none";
        };
    }
}
