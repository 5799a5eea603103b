package com.mspscorecard.clients;

/** Where a client is in its life with the MSP; offboarded clients keep all their history. */
public enum ClientStatus {
    ACTIVE, OFFBOARDING, OFFBOARDED
}
