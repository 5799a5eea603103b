package com.mspscorecard.incidents;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** A red flag to log: about which client, when, what kind, what happened. */
record IncidentForm(Long clientId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
        IncidentCategory category, String description) {

    static IncidentForm empty(Long clientId, LocalDate today) {
        return new IncidentForm(clientId, today, null, null);
    }
}
