package com.mspscorecard.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Snapshot rows in PostgreSQL's COPY text format, on the transaction's connection. What it buys:
 * the import benchmark's 100,000 rows go in one streamed command, written as ASCII bytes straight
 * from the unscaled values with no String per value (see bench/README.md). Scoring has its own
 * COPY encoder for its tables (scoring.internal.CopyText), built from BigDecimals; this one is
 * for snapshots only and stays behind {@link SnapshotBulkWriter}.
 */
@Component
class SnapshotCopy {

    /** How often, in rows, the caller hears how far the write is. */
    static final int PROGRESS_INTERVAL = 5000;

    private static final String UNIQUE_VIOLATION = "23505";

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
            CopyBuffer buffer = new CopyBuffer(copy);
            long copied = 0;
            while (rows.next()) {
                buffer.number(rows.clientId(), 0);
                buffer.tab();
                buffer.month(rows.month());
                for (int i = 0; i < scales.length; i++) {
                    buffer.tab();
                    long value = rows.unscaled(i);
                    if (value == SnapshotBulkWriter.EMPTY) {
                        buffer.nullValue();
                    }
                    else {
                        buffer.number(value, scales[i]);
                    }
                }
                buffer.newline();
                if (++copied % PROGRESS_INTERVAL == 0) {
                    progress.accept(copied);
                }
            }
            buffer.flush();
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

    /** ASCII bytes of COPY text rows, handed to the server 64 KB at a time; no String per value. */
    private static final class CopyBuffer {

        private final CopyIn copy;
        private final byte[] bytes = new byte[64 * 1024];
        private final byte[] digits = new byte[20];
        private int length;

        CopyBuffer(CopyIn copy) {
            this.copy = copy;
        }

        void tab() throws SQLException {
            put((byte) '\t');
        }

        void newline() throws SQLException {
            put((byte) '\n');
        }

        void nullValue() throws SQLException {
            put((byte) '\\');
            put((byte) 'N');
        }

        /** {@code 2024-03-01}: the first day of the month, as the column stores it. */
        void month(YearMonth month) throws SQLException {
            number(month.getYear(), 0);
            int m = month.getMonthValue();
            put((byte) '-');
            put((byte) ('0' + m / 10));
            put((byte) ('0' + m % 10));
            put((byte) '-');
            put((byte) '0');
            put((byte) '1');
        }

        /** A non-negative unscaled value with {@code scale} decimals, e.g. 12345 with scale 2 is 123.45. */
        void number(long unscaled, int scale) throws SQLException {
            if (unscaled < 0) {
                throw new IllegalArgumentException("negative value " + unscaled);
            }
            int n = 0;
            long rest = unscaled;
            do {
                digits[n++] = (byte) ('0' + rest % 10);
                rest /= 10;
            } while (rest != 0 || n <= scale);
            for (int i = n - 1; i >= 0; i--) {
                if (i == scale - 1) {
                    put((byte) '.');
                }
                put(digits[i]);
            }
        }

        private void put(byte b) throws SQLException {
            if (length == bytes.length) {
                flush();
            }
            bytes[length++] = b;
        }

        void flush() throws SQLException {
            if (length > 0) {
                copy.writeToCopy(bytes, 0, length);
                length = 0;
            }
        }
    }
}
