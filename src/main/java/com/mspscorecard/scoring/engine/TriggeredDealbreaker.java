package com.mspscorecard.scoring.engine;

import java.util.Objects;

/** A dealbreaker that holds for a client and month, with its reason as a sentence code and arguments. */
public record TriggeredDealbreaker(String key, Explanation reason) {

    public TriggeredDealbreaker {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reason, "reason");
    }
}
