package com.mspscorecard.clients;

import java.math.BigDecimal;

/** What other modules need to know about a client; financial fields are for owners and account managers only. */
public record ClientFacts(long id, String name, String externalRef, ClientStatus status, PaymentTerms paymentTerms,
        Integer endpoints, BigDecimal contractMrr, Long accountManagerId) {

    public boolean active() {
        return status == ClientStatus.ACTIVE;
    }
}
