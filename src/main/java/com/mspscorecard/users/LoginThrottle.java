package com.mspscorecard.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Five failed logins for one username within 15 minutes lock that username for 15 minutes.
 * Kept per username, not per address, so one attacker cannot lock out other users, and the
 * same for unknown usernames so a lock does not reveal whether a user exists.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 5;

    static final Duration WINDOW = Duration.ofMinutes(15);

    static final Duration LOCK = Duration.ofMinutes(15);

    /** Bounds memory under a spray of random usernames. */
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;

    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    boolean isLocked(String username) {
        Attempts a = attempts.get(key(username));
        return a != null && a.lockedAt(Instant.now(clock));
    }

    void failed(String username) {
        if (attempts.size() >= MAX_TRACKED) {
            Instant now = Instant.now(clock);
            attempts.values().removeIf(a -> a.stale(now));
        }
        attempts.computeIfAbsent(key(username), k -> new Attempts()).fail(Instant.now(clock));
    }

    void succeeded(String username) {
        attempts.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private static final class Attempts {

        private final Deque<Instant> failures = new ArrayDeque<>();

        private Instant lockedUntil = Instant.MIN;

        synchronized void fail(Instant now) {
            failures.addLast(now);
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(now.minus(WINDOW))) {
                failures.removeFirst();
            }
            if (failures.size() >= MAX_FAILURES) {
                lockedUntil = now.plus(LOCK);
                failures.clear();
            }
        }

        synchronized boolean lockedAt(Instant now) {
            return now.isBefore(lockedUntil);
        }

        synchronized boolean stale(Instant now) {
            return !lockedAt(now) && (failures.isEmpty() || failures.peekLast().isBefore(now.minus(WINDOW)));
        }
    }
}
