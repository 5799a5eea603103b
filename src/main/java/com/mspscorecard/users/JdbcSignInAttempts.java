package com.mspscorecard.users;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link SignInAttempts} in PostgreSQL, so that every instance counts the same failures: five
 * wrong passwords spread over two instances lock as five on one would. Times are the throttle's
 * clock, never the database's, so the rules read the same whatever stores them. Each call is one
 * short auto-committed statement: a failure counts even when the request that caused it fails.
 */
@Component
class JdbcSignInAttempts implements SignInAttempts {

    /** No rule counts further back than this, so older failures are deleted as new ones arrive. */
    static final Duration RETENTION = Duration.ofHours(1);

    private final JdbcTemplate jdbc;

    /**
     * Writes commit on their own: a failure counts even when the caller's transaction rolls back
     * (the password page refuses a wrong current password by throwing).
     */
    private final TransactionTemplate ownTransaction;

    JdbcSignInAttempts(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public int recordFailure(String key, Instant at, Instant since) {
        return ownTransaction.execute(status -> {
            jdbc.update("delete from sign_in_failure where failed_at < ?", Timestamp.from(at.minus(RETENTION)));
            jdbc.update("insert into sign_in_failure (key, failed_at) values (?, ?)", key, Timestamp.from(at));
            return failuresSince(key, since);
        });
    }

    @Override
    public int failuresSince(String key, Instant since) {
        Integer count = jdbc.queryForObject("select count(*) from sign_in_failure where key = ? and failed_at > ?",
                Integer.class, key, Timestamp.from(since));
        return count == null ? 0 : count;
    }

    @Override
    public Optional<Instant> lastFailure(String key) {
        Timestamp last = jdbc.queryForObject("select max(failed_at) from sign_in_failure where key = ?",
                Timestamp.class, key);
        return Optional.ofNullable(last).map(Timestamp::toInstant);
    }

    @Override
    public void clearFailures(String key) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("delete from sign_in_failure where key = ?", key));
    }

    @Override
    public void lock(String key, Instant until) {
        ownTransaction.executeWithoutResult(status -> {
            jdbc.update("delete from sign_in_lock where locked_until < ?",
                    Timestamp.from(until.minus(RETENTION.multipliedBy(2))));
            jdbc.update("""
                    insert into sign_in_lock (key, locked_until) values (?, ?)
                    on conflict (key) do update set locked_until = greatest(sign_in_lock.locked_until, excluded.locked_until)
                    """, key, Timestamp.from(until));
        });
    }

    @Override
    public boolean isLocked(String key, Instant now) {
        Boolean locked = jdbc.queryForObject(
                "select exists (select 1 from sign_in_lock where key = ? and locked_until > ?)", Boolean.class, key,
                Timestamp.from(now));
        return Boolean.TRUE.equals(locked);
    }
}
