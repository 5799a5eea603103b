package com.mspscorecard.incidents;

/** Published inside the transaction that logged or deleted an incident of this client. */
public record IncidentsChanged(long clientId) {
}
