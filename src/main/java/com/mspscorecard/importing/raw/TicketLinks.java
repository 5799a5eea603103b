package com.mspscorecard.importing.raw;

/**
 * Receives each ticket id of a tickets export with its client, while the file is aggregated, so the
 * caller can remember them for the time entries that name only a ticket. Called once per row that has
 * both; never holds them itself.
 */
@FunctionalInterface
public interface TicketLinks {

    TicketLinks NONE = (ticketId, client) -> {
    };

    void link(String ticketId, ClientKey client);
}
