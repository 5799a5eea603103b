package com.mspscorecard.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;

import javax.sql.DataSource;

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
                    // client_id \t yyyy-mm-dd \t value … \n; pgjdbc keeps DateStyle at ISO.
                    int[] at = {0};
                    long clientId = field(row, at, 0);
                    int date = at[0];
                    YearMonth month = YearMonth.of(digits(row, date, 4), digits(row, date + 5, 2));
                    at[0] = date + 11;
                    long[] values = new long[METRICS.length];
                    for (int i = 0; i < METRICS.length; i++) {
                        values[i] = field(row, at, METRICS[i].kind().scale());
                    }
                    consumer.accept(clientId, month, values);
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

    /**
     * The non-negative number starting at {@code at[0]} as a whole number at {@code scale} decimals,
     * or {@link Metric#NO_DATA} for {@code \N}; moves past the field's tab or newline.
     */
    private static long field(byte[] row, int[] at, int scale) {
        int i = at[0];
        if (row[i] == '\\') {
            at[0] = i + 3;
            return Metric.NO_DATA;
        }
        long whole = 0;
        int decimals = -1;
        while (i < row.length && row[i] != '\t' && row[i] != '\n') {
            byte b = row[i++];
            if (b == '.') {
                decimals = 0;
            } else {
                whole = whole * 10 + (b - '0');
                if (decimals >= 0) {
                    decimals++;
                }
            }
        }
        at[0] = i + 1;
        for (int d = Math.max(decimals, 0); d < scale; d++) {
            whole *= 10;
        }
        return whole;
    }

    private static int digits(byte[] text, int from, int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            value = value * 10 + (text[from + i] - '0');
        }
        return value;
    }
}
