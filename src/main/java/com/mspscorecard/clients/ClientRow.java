package com.mspscorecard.clients;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of the clients list. */
public record ClientRow(long id, String name, String externalRef, String industry, Long accountManagerId, String accountManager,
        ClientStatus status, PaymentTerms paymentTerms, BigDecimal contractMrr, Integer endpoints,
        LocalDate contractEnd) {
}
