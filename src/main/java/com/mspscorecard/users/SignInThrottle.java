package com.mspscorecard.users;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * The throttling rules for everything that checks a password (sign-in by form or HTTP Basic, and
 * the current password on the password page). Failures are counted three ways, each over the
 * last 15 minutes:
 * <ul>
 * <li><b>address and username</b>: 5 failures lock that pair for 15 minutes. The attacker locks
 * themselves out, not the user, who still signs in from anywhere else;</li>
 * <li><b>address</b>, across usernames: 20 failures refuse every sign-in from that address for 15
 * minutes, before any password is hashed, so spraying usernames stops costing a hash each;</li>
 * <li><b>username</b>, across addresses: from 10 failures on, that username's password is
 * checked at most once per 5 seconds after a failure; it is slowed, never locked.</li>
 * </ul>
 * An IPv6 client counts by its /64 network, which is what one subscriber gets. Only wrong
 * credentials count: an unreachable database is not the user's failure.
 */
@Component
class SignInThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);

    static final int PAIR_LOCK_AFTER = 5;

    static final Duration PAIR_LOCK = Duration.ofMinutes(15);

    static final int ADDRESS_LOCK_AFTER = 20;

    static final Duration ADDRESS_LOCK = Duration.ofMinutes(15);

    static final int USERNAME_SLOW_AFTER = 10;

    static final Duration USERNAME_PACE = Duration.ofSeconds(5);

    /** Why an attempt is refused without checking its password. */
    enum Refusal {
        ADDRESS_LOCKED, PAIR_LOCKED, USERNAME_SLOWED
    }

    /** A lock that a failure has just started, for the audit log. */
    enum Lockout {
        ADDRESS_AND_USERNAME, ADDRESS
    }

    private final SignInAttempts attempts;

    private final Clock clock;

    SignInThrottle(SignInAttempts attempts, Clock clock) {
        this.attempts = attempts;
        this.clock = clock;
    }

    /** @return why this attempt must be refused unchecked, or {@code null} when its password may be checked */
    Refusal refusal(String address, String username) {
        Instant now = Instant.now(clock);
        String network = network(address);
        if (attempts.isLocked(addressKey(network), now)) {
            return Refusal.ADDRESS_LOCKED;
        }
        if (attempts.isLocked(pairKey(network, username), now)) {
            return Refusal.PAIR_LOCKED;
        }
        String user = usernameKey(username);
        if (attempts.failuresSince(user, now.minus(WINDOW)) >= USERNAME_SLOW_AFTER
                && attempts.lastFailure(user).filter(last -> last.isAfter(now.minus(USERNAME_PACE))).isPresent()) {
            return Refusal.USERNAME_SLOWED;
        }
        return null;
    }

    /** Counts a wrong password (or unknown or disabled user); returns the locks it started. */
    List<Lockout> failed(String address, String username) {
        Instant now = Instant.now(clock);
        Instant since = now.minus(WINDOW);
        String network = network(address);
        List<Lockout> started = new ArrayList<>(2);
        String pair = pairKey(network, username);
        if (attempts.recordFailure(pair, now, since) >= PAIR_LOCK_AFTER) {
            attempts.lock(pair, now.plus(PAIR_LOCK));
            attempts.clearFailures(pair);
            started.add(Lockout.ADDRESS_AND_USERNAME);
        }
        attempts.recordFailure(usernameKey(username), now, since);
        String addressKey = addressKey(network);
        if (attempts.recordFailure(addressKey, now, since) >= ADDRESS_LOCK_AFTER) {
            attempts.lock(addressKey, now.plus(ADDRESS_LOCK));
            attempts.clearFailures(addressKey);
            started.add(Lockout.ADDRESS);
        }
        return started;
    }

    /**
     * Forgets the pair's failures. The address's and the username's stay: an attacker with an
     * account of their own must not be able to wipe their record by signing in.
     */
    void succeeded(String address, String username) {
        attempts.clearFailures(pairKey(network(address), username));
    }

    private static String pairKey(String network, String username) {
        return "pair " + network + " " + normalise(username);
    }

    private static String usernameKey(String username) {
        return "user " + normalise(username);
    }

    private static String addressKey(String network) {
        return "address " + network;
    }

    private static String normalise(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    /** The address as counted: IPv4 as is, IPv6 by its /64. */
    static String network(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String literal = address.trim();
        if (literal.indexOf(':') < 0) {
            return literal.length() > 64 ? literal.substring(0, 64) : literal;
        }
        int zone = literal.indexOf('%');
        try {
            // A literal with ':' is parsed, never looked up in DNS.
            InetAddress parsed = InetAddress.getByName(zone < 0 ? literal : literal.substring(0, zone));
            if (parsed instanceof Inet6Address) {
                byte[] prefix = new byte[8];
                System.arraycopy(parsed.getAddress(), 0, prefix, 0, 8);
                return HexFormat.of().formatHex(prefix) + "/64";
            }
            return parsed.getHostAddress();
        }
        catch (UnknownHostException | IllegalArgumentException e) {
            return literal.length() > 64 ? literal.substring(0, 64) : literal;
        }
    }
}
