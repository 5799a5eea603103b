package com.mspscorecard.clients;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A client another module creates in bulk (an import's missing clients, the demo portfolio).
 * A {@code null} field has no value; terms default to {@code NET_30}, the status is {@code ACTIVE}.
 */
public record NewClient(String name, String externalRef, String industry, Long accountManagerId,
        PaymentTerms paymentTerms, LocalDate contractStart, LocalDate contractEnd, Integer noticePeriodDays,
        BigDecimal contractMrr, Integer endpoints, String notes) {

    /** Only a name and who manages it ({@code null}: unassigned). */
    public static NewClient named(String name, Long accountManagerId) {
        return new NewClient(name, null, null, accountManagerId, null, null, null, null, null, null, null);
    }
}
