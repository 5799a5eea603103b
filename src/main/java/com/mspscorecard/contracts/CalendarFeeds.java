package com.mspscorecard.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The revocable secrets of the calendar feeds: 256 random bits, shown once, stored as SHA-256 only.
 * The one exception to "no tokens in URLs" (issue 16): calendar applications cannot send headers.
 */
@Service
class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    CalendarFeeds(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    record Feed(long userId, String language) {
    }

    /** A new secret for the user, replacing any earlier one; returned once, never stored. */
    @Transactional
    String create(long userId, String language) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("""
                insert into calendar_feed (user_id, secret_hash, language) values (?, ?, ?)
                on conflict (user_id) do update set secret_hash = excluded.secret_hash,
                    language = excluded.language, created_at = now()""", userId, hash(secret), language);
        audit.record(AuditEvent.of("CALENDAR_FEED_CREATED", "CALENDAR_FEED", userId, "calendarFeed.created"));
        return secret;
    }

    @Transactional
    boolean revoke(long userId) {
        boolean revoked = jdbc.update("delete from calendar_feed where user_id = ?", userId) > 0;
        if (revoked) {
            audit.record(AuditEvent.of("CALENDAR_FEED_REVOKED", "CALENDAR_FEED", userId, "calendarFeed.revoked"));
        }
        return revoked;
    }

    @Transactional(readOnly = true)
    boolean exists(long userId) {
        return !jdbc.queryForList("select 1 from calendar_feed where user_id = ?", Integer.class, userId).isEmpty();
    }

    @Transactional(readOnly = true)
    Optional<Feed> bySecret(String secret) {
        if (secret == null || secret.length() > 100) {
            return Optional.empty();
        }
        List<Feed> feeds = jdbc.query("select user_id, language from calendar_feed where secret_hash = ?",
                (rs, n) -> new Feed(rs.getLong(1), rs.getString(2)), hash(secret));
        return feeds.stream().findFirst();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
