package com.mspscorecard.importing.raw;

/** What one row of a raw PSA export is: a ticket, an invoice or a time entry. */
public enum RawKind {
    TICKETS, INVOICES, TIME_ENTRIES
}
