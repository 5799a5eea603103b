package com.mspscorecard.clients;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A client id that does not exist: the 404 page for browsers, a 404 problem for the API. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ClientNotFound extends RuntimeException {

    public ClientNotFound(long id) {
        super("There is no client with id " + id + ".");
    }
}
