package com.mspscorecard.incidents;

import java.time.LocalDate;

/** An incident as scoring sees it: which client, when, what kind. */
public record IncidentFacts(long clientId, LocalDate occurredOn, IncidentCategory category) {
}
