package com.mspscorecard.clients;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A client id that does not exist: a 404 page, or a 404 problem for the API. */
public class ClientNotFound extends ResponseStatusException {

    public ClientNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "There is no client with id " + id + ".");
    }
}
