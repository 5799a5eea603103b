package com.mspscorecard.importing.raw;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;

/**
 * What the owner sets once per source; psa-flow saves it as JSON.
 *
 * @param ticketCategories          {@code board:Security}, {@code type:Admin}, {@code priority:Escalated},
 *                                  {@code source:…}, {@code status:…} → category; values compared ignoring case
 * @param disputedStatuses          invoice statuses that mean disputed
 * @param excludedInvoiceTypes      invoice types that are not service revenue (hardware resale)
 * @param hourlyCost                the loaded cost of an hour, or null
 * @param hourlyCostByRole          per role (as the export writes it), before {@code hourlyCost}
 * @param monthlyToolCostPerEndpoint tools per endpoint per month, or null; psa-flow adds it (it knows the endpoints)
 * @param invoiceHistoryMonths      months of invoices a month's payment figures need, the month itself included
 */
public record SourceSettings(
        Map<String, Category> ticketCategories,
        Set<String> disputedStatuses,
        Set<String> excludedInvoiceTypes,
        BigDecimal hourlyCost,
        Map<String, BigDecimal> hourlyCostByRole,
        BigDecimal monthlyToolCostPerEndpoint,
        int invoiceHistoryMonths) {

    public enum Category {
        ADMIN_REQUEST, ESCALATION, SECURITY_INCIDENT
    }

    public static final int DEFAULT_INVOICE_HISTORY_MONTHS = 3;

    public SourceSettings {
        ticketCategories = Map.copyOf(ticketCategories);
        disputedStatuses = Set.copyOf(disputedStatuses);
        excludedInvoiceTypes = Set.copyOf(excludedInvoiceTypes);
        hourlyCostByRole = Map.copyOf(hourlyCostByRole);
        if (invoiceHistoryMonths < 1) {
            throw new IllegalArgumentException("invoiceHistoryMonths must be at least 1");
        }
    }

    /**
     * The names PSAs ship with: board or type "Security" a security incident, priority "Escalated" and
     * type "Escalation" an escalation, type "Admin" or "Service Request" an admin request; status "Disputed"
     * disputed; type "Hardware" not service revenue; no hourly cost; 3 months of invoice history.
     */
    public static SourceSettings defaults() {
        return new SourceSettings(
                Map.of("board:Security", Category.SECURITY_INCIDENT, "type:Security", Category.SECURITY_INCIDENT,
                        "priority:Escalated", Category.ESCALATION, "type:Escalation", Category.ESCALATION,
                        "type:Admin", Category.ADMIN_REQUEST, "type:Service Request", Category.ADMIN_REQUEST),
                Set.of("Disputed"), Set.of("Hardware"), null, Map.of(), null, DEFAULT_INVOICE_HISTORY_MONTHS);
    }

    /** The monthly tool cost of {@code endpoints}, or zero when none is set; psa-flow adds it to delivery_cost. */
    public BigDecimal toolCost(int endpoints) {
        return monthlyToolCostPerEndpoint == null ? BigDecimal.ZERO.setScale(2)
                : monthlyToolCostPerEndpoint.multiply(BigDecimal.valueOf(endpoints)).setScale(2, RoundingMode.HALF_UP);
    }
}
