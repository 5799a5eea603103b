package com.mspscorecard.clients;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A client's contract as deadlines need it. {@code contractEnd} is the renewal date; with
 * {@code autoRenew} the contract renews for the same term until notice is given.
 */
public record ContractTerms(long clientId, String clientName, Long accountManagerId, ClientStatus status,
        LocalDate contractStart, LocalDate contractEnd, Integer noticePeriodDays, boolean autoRenew,
        BigDecimal contractMrr) {
}
