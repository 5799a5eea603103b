package com.mspscorecard.users;

import java.time.Instant;
import java.util.Optional;

/**
 * Where failed sign-ins and locks are kept, by key (a client network, a username or the pair).
 * Storage only: how many failures lock what for how long is {@link SignInThrottle}'s. Kept in
 * the database ({@link JdbcSignInAttempts}), so that instances sharing it count together.
 */
interface SignInAttempts {

    /** Records a failure of {@code key} at {@code at}; returns its failures after {@code since}, this one included. */
    int recordFailure(String key, Instant at, Instant since);

    int failuresSince(String key, Instant since);

    Optional<Instant> lastFailure(String key);

    /** Forgets the failures of {@code key}; a lock stays until it ends. */
    void clearFailures(String key);

    void lock(String key, Instant until);

    boolean isLocked(String key, Instant now);
}
