package com.mspscorecard.metrics;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes many snapshots at once, for a CSV import and the demo portfolio: the rows stream to
 * PostgreSQL by {@code COPY}, never a statement per row. Values must have passed
 * {@link SnapshotRules} (the CSV reader checks every cell with it). Unlike {@link SnapshotWriter}
 * it does not audit field by field: the caller knows what to record (an import names its file).
 * Only inside the caller's transaction, so rows, audit and rescoring commit or roll back together.
 */
@Service
public class SnapshotBulkWriter {

    /** An empty cell in {@link Rows#unscaled}: no data ("clear the stored value"). */
    public static final long EMPTY = Metric.NO_DATA;

    /**
     * Rows to write, read as a cursor so that a million rows cost no object each. Values are
     * unscaled whole numbers at their metric's scale: 12345 is 123.45 for money, 12345 tickets for a count.
     */
    public interface Rows {

        /** Moves to the next row; {@code false} when there is none. */
        boolean next();

        long clientId();

        YearMonth month();

        /** The value of the {@code column}-th written metric, or {@link #EMPTY}. */
        long unscaled(int column);
    }

    private final SnapshotCopy copy;

    private final JdbcTemplate jdbc;

    private final ApplicationEventPublisher events;

    SnapshotBulkWriter(SnapshotCopy copy, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.copy = copy;
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Inserts snapshots that are not stored yet, setting only {@code metrics}. A row already stored
     * (someone saved it since the caller looked) fails the whole write with a
     * {@link org.springframework.dao.DuplicateKeyException}.
     *
     * @param progress told the number of rows written so far, every few thousand rows
     * @return the number of snapshots inserted
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long insertNew(List<Metric> metrics, Rows rows, LongConsumer progress) {
        return copy.copy("monthly_snapshot", metrics, rows, progress);
    }

    /**
     * Writes {@code metrics} of snapshots that may be stored already: a metric not listed keeps
     * its stored value, and a row whose listed values are all stored already is not touched (its
     * version stays). The rows go by COPY to a scratch table that disappears with the transaction,
     * then one statement merges them.
     *
     * @return the number of snapshots inserted or changed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long merge(List<Metric> metrics, Rows rows, LongConsumer progress) {
        StringBuilder columns = new StringBuilder("client_id, month");
        StringBuilder updates = new StringBuilder();
        StringBuilder stored = new StringBuilder();
        StringBuilder incoming = new StringBuilder();
        for (Metric metric : metrics) {
            String field = metric.fieldName();
            columns.append(", ").append(field);
            updates.append(field).append(" = excluded.").append(field).append(", ");
            stored.append(stored.isEmpty() ? "" : ", ").append("monthly_snapshot.").append(field);
            incoming.append(incoming.isEmpty() ? "" : ", ").append("excluded.").append(field);
        }
        jdbc.execute("create temp table import_snapshot on commit drop as select " + columns
                + " from monthly_snapshot with no data");
        long copied = copy.copy("import_snapshot", metrics, rows, progress);
        if (copied == 0) {
            jdbc.execute("drop table import_snapshot");
            return 0;
        }
        String changed = metrics.isEmpty() ? " where false"
                : " where (" + stored + ") is distinct from (" + incoming + ")";
        int merged = jdbc.update("insert into monthly_snapshot (" + columns + ") select " + columns
                + " from import_snapshot on conflict (client_id, month) do update set " + updates
                + "version = monthly_snapshot.version + 1, updated_at = now()" + changed);
        jdbc.execute("drop table import_snapshot");
        return merged;
    }

    /**
     * Tells the other modules (scoring, the dashboard) which clients and months changed, inside the
     * transaction: called once after the bulk writes of one change.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void announce(Set<Long> clientIds, Set<YearMonth> months) {
        if (!clientIds.isEmpty()) {
            events.publishEvent(new SnapshotsChanged(clientIds, months));
        }
    }
}
