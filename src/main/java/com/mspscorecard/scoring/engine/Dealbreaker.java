package com.mspscorecard.scoring.engine;

import java.time.YearMonth;
import java.util.Optional;

/**
 * A sign that overrides any average: when it holds for the scored month, the recommendation is
 * to offboard the client. Its sentence is {@code explanation.dealbreaker.<key>} in the scoring
 * bundle; every dealbreaker is a line in {@link Dealbreakers#all()}.
 *
 * @param <T> its thresholds
 */
public sealed interface Dealbreaker<T extends Thresholds>
        permits IncidentCountDealbreaker, RecurringLatePaymentsDealbreaker, RepeatedSecurityAlarmsDealbreaker {

    /** Stable key used in the database and the API, e.g. {@code recurring_late_payments}. */
    String key();

    /** Its thresholds in the default model. */
    T defaults();

    /** Its thresholds read from their names, as the stored model and the editor hold them. */
    T thresholds(java.util.Map<String, java.math.BigDecimal> byName);

    /** The reason as a sentence code and arguments when the dealbreaker holds, else empty. */
    Optional<Explanation> check(ClientHistory history, YearMonth month, T thresholds);

    /** {@link #check} with settings whose thresholds are this dealbreaker's. */
    @SuppressWarnings("unchecked")
    default Optional<Explanation> check(ClientHistory history, YearMonth month, DealbreakerSettings settings) {
        if (!settings.key().equals(key())) {
            throw new IllegalArgumentException(settings.key() + " settings given to " + key());
        }
        return check(history, month, (T) settings.thresholds());
    }
}
