package com.mspscorecard.scoring.engine;

import java.time.YearMonth;
import java.util.Optional;

/**
 * A sign that overrides any average: when it holds for the scored month, the recommendation is
 * to offboard the client.
 */
public interface Dealbreaker {

    /** Stable key used in the database and the API, e.g. {@code recurring_late_payments}. */
    String key();

    /** Its settings in the default model, with every threshold it reads. */
    DealbreakerSettings defaultSettings();

    /** The reason in plain words when the dealbreaker holds, else empty. */
    Optional<Explanation> check(ClientHistory history, YearMonth month, DealbreakerSettings settings);
}
