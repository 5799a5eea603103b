package com.mspscorecard.clients;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a person (or an API call) sends to create or edit a client. {@code version} is the
 * version the editor started from; a stale version is refused as a conflict.
 */
record ClientForm(String name, String externalRef, String industry, Long accountManagerId, ClientStatus status,
        PaymentTerms paymentTerms, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate contractStart,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate contractEnd, Integer noticePeriodDays,
        BigDecimal contractMrr, Integer endpoints, String notes, Integer version) {

    static ClientForm empty(Long accountManagerId) {
        return new ClientForm(null, null, null, accountManagerId, ClientStatus.ACTIVE, PaymentTerms.NET_30, null,
                null, null, null, null, null, null);
    }

    public ClientForm withVersion(int newVersion) {
        return new ClientForm(name, externalRef, industry, accountManagerId, status, paymentTerms, contractStart,
                contractEnd, noticePeriodDays, contractMrr, endpoints, notes, newVersion);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
