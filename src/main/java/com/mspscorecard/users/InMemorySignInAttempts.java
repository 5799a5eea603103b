package com.mspscorecard.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** {@link SignInAttempts} for a single instance: lost on restart, which only forgives. */
@Component
class InMemorySignInAttempts implements SignInAttempts {

    /** No rule counts further back than this, so older entries can go. */
    static final Duration RETENTION = Duration.ofHours(1);

    /** No rule needs more failures than this per key: bounds memory under a flood. */
    private static final int FAILURES_KEPT = 32;

    /** Above this many keys, stale ones are dropped (a spray of random usernames). */
    private static final int MAX_KEYS = 100_000;

    private final Clock clock;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    InMemorySignInAttempts(Clock clock) {
        this.clock = clock;
    }

    @Override
    public int recordFailure(String key, Instant at, Instant since) {
        if (entries.size() >= MAX_KEYS) {
            Instant horizon = Instant.now(clock).minus(RETENTION);
            entries.values().removeIf(e -> e.staleBefore(horizon));
        }
        return entries.computeIfAbsent(key, k -> new Entry()).fail(at, since);
    }

    @Override
    public int failuresSince(String key, Instant since) {
        Entry entry = entries.get(key);
        return entry == null ? 0 : entry.countSince(since);
    }

    @Override
    public Optional<Instant> lastFailure(String key) {
        Entry entry = entries.get(key);
        return entry == null ? Optional.empty() : entry.last();
    }

    @Override
    public void clearFailures(String key) {
        Entry entry = entries.get(key);
        if (entry != null) {
            entry.clear();
        }
    }

    @Override
    public void lock(String key, Instant until) {
        entries.computeIfAbsent(key, k -> new Entry()).lockUntil(until);
    }

    @Override
    public boolean isLocked(String key, Instant now) {
        Entry entry = entries.get(key);
        return entry != null && entry.lockedAt(now);
    }

    private static final class Entry {

        private final Deque<Instant> failures = new ArrayDeque<>();

        private Instant lockedUntil = Instant.MIN;

        synchronized int fail(Instant at, Instant since) {
            failures.addLast(at);
            while (failures.size() > FAILURES_KEPT) {
                failures.removeFirst();
            }
            return countSince(since);
        }

        synchronized int countSince(Instant since) {
            return (int) failures.stream().filter(at -> at.isAfter(since)).count();
        }

        synchronized Optional<Instant> last() {
            return Optional.ofNullable(failures.peekLast());
        }

        synchronized void clear() {
            failures.clear();
        }

        synchronized void lockUntil(Instant until) {
            if (until.isAfter(lockedUntil)) {
                lockedUntil = until;
            }
        }

        synchronized boolean lockedAt(Instant now) {
            return now.isBefore(lockedUntil);
        }

        synchronized boolean staleBefore(Instant horizon) {
            return !lockedUntil.isAfter(horizon) && (failures.isEmpty() || failures.peekLast().isBefore(horizon));
        }
    }
}
