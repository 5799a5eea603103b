package com.mspscorecard.scoring.engine;

import java.util.Objects;

/** A dealbreaker that holds for a client and month, with the reason in plain words. */
public record TriggeredDealbreaker(String key, Explanation reason) {

    public TriggeredDealbreaker {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reason, "reason");
    }
}
