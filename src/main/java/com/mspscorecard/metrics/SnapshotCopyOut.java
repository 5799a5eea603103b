package com.mspscorecard.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;

import javax.sql.DataSource;

import com.mspscorecard.database.CopyFields;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Snapshots read by {@code COPY … to stdout} on the transaction's connection, each value turned
 * into an unscaled whole number at its metric's scale straight from the text. What it buys: the
 * rescore of a 120,000-row import read its histories as JDBC rows, a {@link java.math.BigDecimal}
 * and an EnumMap per row, in 0.4–1.2 s and a good part of the collector's work (bench/README.md,
 * "CSV import", session 8); this reads the same rows as one streamed command, a {@code long[]} each.
 */
@Component
class SnapshotCopyOut {

    private static final Metric[] METRICS = Metric.values();

    private final DataSource dataSource;

    SnapshotCopyOut(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Streams the snapshots {@code where} selects (SQL over {@code monthly_snapshot}, numbers and
     * dates only: COPY takes no parameters) ordered by client and month.
     */
    void read(String where, SnapshotQueries.UnscaledFigures consumer) {
        String sql = "copy (select client_id, month, " + SnapshotQueries.COLUMNS + " from monthly_snapshot where "
                + where + " order by client_id, month) to stdout";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
            try {
                byte[] row;
                while ((row = copy.readFromCopy()) != null) {
                    // client_id \t yyyy-mm-dd \t value … \n
                    int[] at = {0};
                    long clientId = CopyFields.unscaled(row, at, 0);
                    int month = CopyFields.monthNumber(row, at[0]);
                    at[0] += CopyFields.DATE_LENGTH + 1;
                    long[] values = new long[METRICS.length];
                    for (int i = 0; i < METRICS.length; i++) {
                        long value = CopyFields.unscaled(row, at, METRICS[i].kind().scale());
                        values[i] = value == CopyFields.NULL ? Metric.NO_DATA : value;
                    }
                    consumer.accept(clientId, YearMonth.of(month / 12, month % 12 + 1), values);
                }
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException ex) {
            throw new DataAccessResourceFailureException("Reading snapshots failed: " + ex.getMessage(), ex);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
