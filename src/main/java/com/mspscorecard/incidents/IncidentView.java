package com.mspscorecard.incidents;

import java.time.Instant;
import java.time.LocalDate;

/** An incident as the incidents pages show it. */
public record IncidentView(long id, long clientId, String clientName, LocalDate occurredOn, IncidentCategory category,
        String description, String loggedBy, Instant loggedAt) {
}
