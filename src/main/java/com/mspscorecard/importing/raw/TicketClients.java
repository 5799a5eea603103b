package com.mspscorecard.importing.raw;

import java.util.Optional;

/**
 * The client of a ticket imported earlier from the same source, for time entries that name only a
 * ticket (Autotask's {@code ticketID}). psa-flow implements it over its stored ticket memory.
 */
public interface TicketClients {

    TicketClients NONE = ticketId -> Optional.empty();

    Optional<String> clientOf(String ticketId);

    /** The client with its reference; by default the name {@link #clientOf} gives, without one. */
    default Optional<ClientKey> clientKeyOf(String ticketId) {
        return clientOf(ticketId).map(name -> new ClientKey(name, null));
    }
}
