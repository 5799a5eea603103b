package com.mspscorecard.clients;

/** On the conflict page: a field whose stored value differs from what the person submitted. */
public record FieldDifference(String field, Object stored, Object yours) {
}
