package com.mspscorecard.importing.csv;

/**
 * How much a single import may hold.
 *
 * @param maxBytes         file size limit, in bytes
 * @param maxRows          data rows, not counting the header and blank lines
 * @param progressInterval report progress every this many rows
 */
public record CsvLimits(long maxBytes, long maxRows, int progressInterval) {

    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    public static final long DEFAULT_MAX_ROWS = 200_000;
    public static final int DEFAULT_PROGRESS_INTERVAL = 1_000;

    public CsvLimits {
        if (maxBytes <= 0 || maxRows <= 0 || progressInterval <= 0) {
            throw new IllegalArgumentException("Limits must be positive");
        }
    }

    /** 20 MB and 200,000 rows, as the product promises. */
    public static CsvLimits defaults() {
        return new CsvLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, DEFAULT_PROGRESS_INTERVAL);
    }

    public CsvLimits withMaxBytes(long maxBytes) {
        return new CsvLimits(maxBytes, maxRows, progressInterval);
    }

    public CsvLimits withMaxRows(long maxRows) {
        return new CsvLimits(maxBytes, maxRows, progressInterval);
    }

    public CsvLimits withProgressInterval(int progressInterval) {
        return new CsvLimits(maxBytes, maxRows, progressInterval);
    }
}
