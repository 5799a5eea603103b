package com.mspscorecard.importing.raw;

/**
 * How much one raw export may hold: larger than a snapshot CSV's limits, since a year of tickets of a
 * large portfolio is a million rows, and still read in constant memory.
 *
 * @param maxBytes the file's size
 * @param maxRows  data rows, not counting the header and blank lines
 */
public record RawLimits(long maxBytes, long maxRows) {

    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    public static final long DEFAULT_MAX_ROWS = 2_000_000;

    public RawLimits {
        if (maxBytes <= 0 || maxRows <= 0) {
            throw new IllegalArgumentException("Limits must be positive");
        }
    }

    /** 256 MB and 2,000,000 rows. */
    public static RawLimits defaults() {
        return new RawLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS);
    }
}
