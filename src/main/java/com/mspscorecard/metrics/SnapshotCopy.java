package com.mspscorecard.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import com.mspscorecard.database.CopyLine;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Snapshot rows in PostgreSQL's COPY text format, on the transaction's connection. What it buys:
 * the import benchmark's 120,000 rows go in one streamed command, written as ASCII bytes straight
 * from the unscaled values with no String per value ({@link CopyLine}, which scoring's scorecards use
 * too; see bench/README.md). For snapshots only, behind {@link SnapshotBulkWriter}.
 */
@Component
class SnapshotCopy {

    /** How often, in rows, the caller hears how far the write is. */
    static final int PROGRESS_INTERVAL = 5000;

    private static final String UNIQUE_VIOLATION = "23505";

    private static final int FLUSH_AT = 64 * 1024;

    private final DataSource dataSource;

    SnapshotCopy(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Streams every row to {@code table}; returns how many were stored. */
    long copy(String table, List<Metric> metrics, SnapshotBulkWriter.Rows rows, LongConsumer progress) {
        int[] scales = new int[metrics.size()];
        StringBuilder columns = new StringBuilder("client_id, month");
        for (int i = 0; i < scales.length; i++) {
            scales[i] = metrics.get(i).kind().scale();
            columns.append(", ").append(metrics.get(i).fieldName());
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyIn copy = null;
        try {
            copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin");
            // Handed to the server about 64 KB at a time.
            CopyLine buffer = new CopyLine(FLUSH_AT + 1024);
            long copied = 0;
            while (rows.next()) {
                buffer.integer(rows.clientId()).tab().month(rows.month());
                for (int i = 0; i < scales.length; i++) {
                    buffer.tab();
                    long value = rows.unscaled(i);
                    if (value == SnapshotBulkWriter.EMPTY) {
                        buffer.nullValue();
                    }
                    else if (value < 0) {
                        throw new IllegalArgumentException("negative value " + value);
                    }
                    else {
                        buffer.unscaled(value, scales[i]);
                    }
                }
                buffer.newline();
                if (buffer.length() >= FLUSH_AT) {
                    flush(copy, buffer);
                }
                if (++copied % PROGRESS_INTERVAL == 0) {
                    progress.accept(copied);
                }
            }
            flush(copy, buffer);
            long stored = copy.endCopy();
            copy = null;
            if (stored != copied) {
                throw new IllegalStateException("COPY stored " + stored + " rows instead of " + copied);
            }
            return copied;
        }
        catch (SQLException ex) {
            if (UNIQUE_VIOLATION.equals(ex.getSQLState())) {
                throw new DuplicateKeyException("A snapshot to insert was stored meanwhile", ex);
            }
            throw new DataAccessResourceFailureException("Copying snapshots failed: " + ex.getMessage(), ex);
        }
        finally {
            if (copy != null && copy.isActive()) {
                try {
                    copy.cancelCopy();
                }
                catch (SQLException ignored) {
                    // The transaction rolls back anyway.
                }
            }
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void flush(CopyIn copy, CopyLine buffer) throws SQLException {
        copy.writeToCopy(buffer.buffer(), 0, buffer.length());
        buffer.reset();
    }
}
