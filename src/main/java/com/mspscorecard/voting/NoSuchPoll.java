package com.mspscorecard.voting;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class NoSuchPoll extends RuntimeException {

    NoSuchPoll(long id) {
        super("no poll " + id);
    }
}
