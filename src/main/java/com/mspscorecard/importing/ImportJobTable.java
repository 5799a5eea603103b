package com.mspscorecard.importing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where each import job stands, in {@code import_job} (V18), so that the page's progress poll can
 * be answered by whichever instance it reaches, not only the one running the job. Each write
 * commits on its own, outside the commit's transaction (which would hide it until the end and
 * roll it back on failure); a write that fails is logged and skipped, never failing the import.
 */
class ImportJobTable {

    private static final Logger log = LoggerFactory.getLogger(ImportJobTable.class);

    /** What another instance knows of a job. */
    record State(boolean commit, ImportProgress.Phase phase, long done, long total, String state, String failure,
            String outcome) {

        boolean running() {
            return "RUNNING".equals(state);
        }

        boolean failed() {
            return "FAILED".equals(state);
        }
    }

    /** For tests of the in-memory side alone: remembers nothing. */
    static final ImportJobTable NONE = new ImportJobTable(null, null, Clock.systemUTC());

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    ImportJobTable(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        if (transactions == null) {
            this.ownTransaction = null;
        }
        else {
            this.ownTransaction = new TransactionTemplate(transactions);
            this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }
    }

    void started(String token, String username, boolean commit, long total) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        write(() -> {
            jdbc.update("delete from import_job where started_at < ?",
                    Timestamp.from(Instant.now(clock).minus(ImportJobs.KEEP)));
            jdbc.update("""
                    insert into import_job (token, username, is_commit, phase, rows_done, rows_total, state, started_at, updated_at)
                    values (?, ?, ?, 'QUEUED', 0, ?, 'RUNNING', ?, ?)
                    on conflict (token) do update set username = excluded.username, is_commit = excluded.is_commit,
                        phase = 'QUEUED', rows_done = 0, rows_total = excluded.rows_total, state = 'RUNNING',
                        failure = null, outcome = null, started_at = excluded.started_at, updated_at = excluded.updated_at
                    """, token, username, commit, total, now, now);
        });
    }

    void progressed(String token, ImportProgress progress) {
        write(() -> jdbc.update("update import_job set phase = ?, rows_done = ?, rows_total = ?, updated_at = ? "
                + "where token = ? and state = 'RUNNING'", progress.phase().name(), progress.done(),
                Math.max(progress.total(), progress.done()), Timestamp.from(Instant.now(clock)), token));
    }

    void finished(String token, ImportOutcome outcome) {
        write(() -> jdbc.update("update import_job set state = 'DONE', phase = 'DONE', outcome = ?, updated_at = ? "
                + "where token = ?", outcome.status().name(), Timestamp.from(Instant.now(clock)), token));
    }

    void failed(String token, String failure) {
        write(() -> jdbc.update("update import_job set state = 'FAILED', failure = ?, updated_at = ? where token = ?",
                failure, Timestamp.from(Instant.now(clock)), token));
    }

    Optional<State> find(String token, String username) {
        if (jdbc == null) {
            return Optional.empty();
        }
        return jdbc.query("""
                select is_commit, phase, rows_done, rows_total, state, failure, outcome from import_job
                where token = ? and username = ?""",
                (rs, n) -> new State(rs.getBoolean(1), ImportProgress.Phase.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7)),
                token, username).stream().findFirst();
    }

    private void write(Runnable statement) {
        if (jdbc == null) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> statement.run());
        }
        catch (DataAccessException | org.springframework.transaction.TransactionException e) {
            // Only other instances' view of the progress is lost; the job goes on.
            log.debug("Could not record an import job's progress: {}", e.toString());
        }
    }
}
