package com.mspscorecard.scoring.engine;

import java.time.LocalDate;
import java.util.Objects;

/** A red-flag incident as far as scoring cares: when it happened and what it was. */
public record IncidentFact(LocalDate occurredOn, IncidentCategory category) {

    public IncidentFact {
        Objects.requireNonNull(occurredOn, "occurredOn");
        Objects.requireNonNull(category, "category");
    }
}
