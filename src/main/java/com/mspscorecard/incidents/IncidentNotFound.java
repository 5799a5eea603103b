package com.mspscorecard.incidents;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class IncidentNotFound extends RuntimeException {

    IncidentNotFound(long id) {
        super("There is no incident with id " + id + ".");
    }
}
