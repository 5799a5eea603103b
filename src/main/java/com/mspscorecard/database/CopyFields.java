package com.mspscorecard.database;

/**
 * Fields of PostgreSQL's {@code COPY … to stdout} text format read straight from its bytes, for the
 * modules that read their tables in bulk (snapshots, a portfolio's figures): numbers become unscaled
 * whole numbers without a String or a {@link java.math.BigDecimal} each (a third of the time of JDBC
 * rows, measured for the portfolio's figures). {@link CopyLine} writes the same format.
 */
public final class CopyFields {

    /** A {@code \N} field in {@link #unscaled}. */
    public static final long NULL = Long.MIN_VALUE;

    private CopyFields() {
    }

    /**
     * The non-negative number starting at {@code position[0]} as a whole number at {@code scale}
     * decimals (12.5 at scale 2 is 1250), or {@link #NULL} for {@code \N}; moves the position past the
     * field's tab or newline.
     */
    public static long unscaled(byte[] text, int[] position, int scale) {
        int at = position[0];
        if (text[at] == '\\') {
            position[0] = at + 3;
            return NULL;
        }
        long whole = 0;
        int decimals = -1;
        while (at < text.length && text[at] != '\t' && text[at] != '\n') {
            byte b = text[at++];
            if (b == '.') {
                decimals = 0;
            } else {
                whole = whole * 10 + (b - '0');
                if (decimals >= 0) {
                    decimals++;
                }
            }
        }
        position[0] = at + 1;
        for (int d = Math.max(decimals, 0); d < scale; d++) {
            whole *= 10;
        }
        return whole;
    }

    /** The month of a date field ({@code yyyy-mm-dd}, as pgjdbc keeps DateStyle at ISO) starting at {@code at}, as year × 12 + month − 1. */
    public static int monthNumber(byte[] text, int at) {
        return digits(text, at, 4) * 12 + digits(text, at + 5, 2) - 1;
    }

    /** The length of a date field, without its tab. */
    public static final int DATE_LENGTH = 10;

    private static int digits(byte[] text, int from, int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            value = value * 10 + (text[from + i] - '0');
        }
        return value;
    }
}
