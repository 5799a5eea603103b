package com.mspscorecard.offboarding;

import java.time.Instant;
import java.time.LocalDate;

/** A case as pages show it; {@code state} is OPEN, COMPLETED or WITHDRAWN. */
public record OffboardingCase(long id, long clientId, String clientName, Long accountManagerId, String state,
        String decision, String reasons, LocalDate exitDate, String letterLanguage, String letter,
        String withdrawReason, String openedBy, Instant openedAt, String closedBy, Instant closedAt, int version) {

    OffboardingCase named(String name, Long managerId) {
        return new OffboardingCase(id, clientId, name, managerId, state, decision, reasons, exitDate, letterLanguage,
                letter, withdrawReason, openedBy, openedAt, closedBy, closedAt, version);
    }

    public boolean open() {
        return "OPEN".equals(state);
    }
}
