package com.mspscorecard.clients;

/** Someone else saved the client after the editor loaded it: their form is stale. */
class ClientConflict extends RuntimeException {

    private final Client current;

    ClientConflict(Client current) {
        super("Client " + current.getId() + " is now at version " + current.getVersion());
        this.current = current;
    }

    Client current() {
        return current;
    }
}
