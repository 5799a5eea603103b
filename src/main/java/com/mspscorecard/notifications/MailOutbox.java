package com.mspscorecard.notifications;

import com.mspscorecard.notifications.internal.FailedMail;
import com.mspscorecard.notifications.internal.Kind;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Mail waiting to be sent ({@code mail_outbox}). Queued in the caller's transaction; the
 * {@link OutboxSender} takes it from here after the commit. A failed attempt is tried again after
 * {@code scorecard.mail.retry-delay}, four times longer each time (1, 4, 16, 64 minutes by default),
 * until {@code scorecard.mail.max-attempts}; then the message is FAILED and listed for the owner.
 */
@Component
class MailOutbox {

    /** A queued message, as the sender needs it. */
    record Queued(long id, long userId, String recipient, String subject, String text, String html, int attempts) {
    }

    private final JdbcTemplate jdbc;

    private final Clock clock;

    private final int maxAttempts;

    private final Duration retryDelay;

    MailOutbox(JdbcTemplate jdbc, Clock clock, @Value("${scorecard.mail.max-attempts:5}") int maxAttempts,
            @Value("${scorecard.mail.retry-delay:PT1M}") Duration retryDelay) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.retryDelay = retryDelay;
    }

    void queue(long userId, String recipient, Kind kind, MailWriter.Written mail) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.update("""
                insert into mail_outbox (user_id, recipient, kind, subject, text_body, html_body, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", userId, recipient, kind.name(), mail.subject(), mail.text(),
                mail.html(), now, now);
    }

    List<Queued> due(int limit) {
        return jdbc.query("""
                select id, user_id, recipient, subject, text_body, html_body, attempts from mail_outbox
                where status = 'QUEUED' and next_attempt_at <= ? order by next_attempt_at, id limit ?""",
                (rs, n) -> new Queued(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getInt(7)),
                Timestamp.from(Instant.now(clock)), limit);
    }

    void sent(long id) {
        jdbc.update("update mail_outbox set status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null "
                + "where id = ?", Timestamp.from(Instant.now(clock)), id);
    }

    /**
     * Counts a failed attempt: tried again later, or FAILED after the last try.
     *
     * @param final_ the server refused the recipient outright: trying again cannot help
     * @return whether the message is now FAILED
     */
    boolean attemptFailed(Queued message, String error, boolean final_) {
        int attempts = message.attempts() + 1;
        boolean failed = final_ || attempts >= maxAttempts;
        Instant next = Instant.now(clock).plus(retryDelay.multipliedBy((long) Math.pow(4, attempts - 1)));
        jdbc.update("update mail_outbox set attempts = ?, status = ?, next_attempt_at = ?, last_error = ? where id = ?",
                attempts, failed ? "FAILED" : "QUEUED", Timestamp.from(next),
                error == null ? null : error.substring(0, Math.min(500, error.length())), message.id());
        return failed;
    }

    List<FailedMail> failed() {
        return jdbc.query("""
                select id, recipient, kind, subject, attempts, last_error, created_at from mail_outbox
                where status = 'FAILED' order by created_at desc limit 100""",
                (rs, n) -> new FailedMail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant()));
    }

    long failedCount() {
        return jdbc.queryForObject("select count(*) from mail_outbox where status = 'FAILED'", Long.class);
    }

    /** The owner asks for a failed message to be tried again (after fixing the address or the server). */
    boolean retry(long id) {
        return jdbc.update("update mail_outbox set status = 'QUEUED', attempts = 0, next_attempt_at = ? "
                + "where id = ? and status = 'FAILED'", Timestamp.from(Instant.now(clock)), id) == 1;
    }
}
