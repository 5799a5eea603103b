package com.mspscorecard.importing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import com.mspscorecard.importing.csv.CellError;
import com.mspscorecard.metrics.Metric;

/**
 * One row of a file as the preview classifies it. Values are kept as unscaled longs in the order
 * of the file's metric columns, so that 100,000 rows fit comfortably in a small heap.
 */
final class PreviewRow {

    enum Kind { NEW, CHANGED, UNCHANGED, ERROR }

    /** An empty cell: clears the stored value. */
    static final long EMPTY = com.mspscorecard.metrics.Metric.NO_DATA;

    final long line;
    final String client;
    final YearMonth month;
    final long[] values;
    /** The row's errors while it is read; afterwards only those among the file's first kept errors. */
    List<CellError> errors;
    /** How many errors the row has, listed or not. */
    int errorCount;
    /** The client's id; negative for a client the import will create (minus its position, from 1). */
    long clientId;
    String clientName;
    long snapshotId;
    int version = -1;
    long[] stored;
    Kind kind;

    PreviewRow(long line, String client, YearMonth month, long[] values, List<CellError> errors) {
        this.line = line;
        this.client = client;
        this.month = month;
        this.values = values;
        this.errors = errors;
        this.errorCount = errors.size();
    }

    /** Keeps this row's errors only as far as the file's allowance of kept errors goes. */
    void keepErrors(ImportPreview.KeptErrors kept) {
        errorCount = errors.size();
        errors = kept.take(errors);
    }

    boolean exists() {
        return stored != null;
    }

    boolean differs(int column) {
        return stored != null && stored[column] != values[column];
    }

    static long toUnscaled(Metric metric, BigDecimal value) {
        return value == null ? EMPTY : metric.unscaled(value);
    }

    static BigDecimal toDecimal(Metric metric, long unscaled) {
        return unscaled == EMPTY ? null : BigDecimal.valueOf(unscaled, metric.kind().scale());
    }

    static String text(Metric metric, long unscaled) {
        return unscaled == EMPTY ? "" : toDecimal(metric, unscaled).toPlainString();
    }
}
