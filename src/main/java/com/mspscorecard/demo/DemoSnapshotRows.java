package com.mspscorecard.demo;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;

import com.mspscorecard.metrics.Metric;
import com.mspscorecard.metrics.SnapshotBulkWriter;

/**
 * The generated months as metrics' bulk writer reads them: each row is {@code client id, month,}
 * then the metrics in {@link Metric} order, an {@code Integer}, a {@code BigDecimal} or null.
 */
final class DemoSnapshotRows implements SnapshotBulkWriter.Rows {

    private static final Metric[] METRICS = Metric.values();
    private final List<Object[]> rows;
    private int next = -1;

    DemoSnapshotRows(List<Object[]> rows) {
        this.rows = rows;
    }

    @Override
    public boolean next() {
        return ++next < rows.size();
    }

    @Override
    public long clientId() {
        return (Long) rows.get(next)[0];
    }

    @Override
    public YearMonth month() {
        return YearMonth.from(((Date) rows.get(next)[1]).toLocalDate());
    }

    @Override
    public long unscaled(int column) {
        Object value = rows.get(next)[2 + column];
        if (value == null) {
            return SnapshotBulkWriter.EMPTY;
        }
        return value instanceof BigDecimal decimal
                ? METRICS[column].unscaled(decimal)
                : ((Number) value).longValue();
    }
}
