package com.mspscorecard.database;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's {@code COPY … from stdin} text format written as ASCII bytes into a growing
 * array, for the modules that write their tables in bulk (snapshots, scorecards); {@link CopyFields}
 * reads the same format back. What it buys: numbers, dates and codes go to bytes without a String,
 * a StringBuilder or a BigInteger each. Scorecards written through a StringBuilder then
 * {@code toString().getBytes()} were a fifth of a warm 120,000-row import's JVM time and three copies
 * of its 56 MB of text (sampled in session 9, bench/README.md).
 *
 * <p>Fields are not escaped: callers write numbers, dates, booleans and codes that hold no tab,
 * newline or backslash ({@link #text} refuses them).
 */
public final class CopyLine {

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private byte[] bytes;
    private int length;

    public CopyLine(int capacity) {
        bytes = new byte[Math.max(capacity, 64)];
    }

    /** Bytes written so far. */
    public int length() {
        return length;
    }

    /** The array holding the first {@link #length()} bytes written (not a copy). */
    public byte[] buffer() {
        return bytes;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** Forgets what was written; the array is kept. */
    public void reset() {
        length = 0;
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    public CopyLine tab() {
        return put((byte) '\t');
    }

    public CopyLine newline() {
        return put((byte) '\n');
    }

    /** {@code \N}: no value. */
    public CopyLine nullValue() {
        ensure(2);
        bytes[length++] = '\\';
        bytes[length++] = 'N';
        return this;
    }

    public CopyLine bool(boolean value) {
        return put((byte) (value ? 't' : 'f'));
    }

    public CopyLine integer(long value) {
        return unscaled(value, 0);
    }

    /** An unscaled value with {@code scale} decimals: 12345 at scale 2 is {@code 123.45}, -5 at scale 1 {@code -0.5}. */
    public CopyLine unscaled(long unscaled, int scale) {
        if (unscaled == Long.MIN_VALUE || scale >= POWERS_OF_TEN.length) {
            return text(BigDecimal.valueOf(unscaled, scale).toPlainString());
        }
        ensure(22 + scale);
        if (unscaled < 0) {
            bytes[length++] = '-';
            unscaled = -unscaled;
        }
        // Digits from the right: the fraction's `scale` digits (zero-padded), the point, the whole part.
        int digits = 1;
        while (digits < 19 && unscaled >= POWERS_OF_TEN[digits]) {
            digits++;
        }
        digits = Math.max(digits, scale + 1);
        int end = length + digits + (scale > 0 ? 1 : 0);
        int at = end;
        for (int i = 0; i < scale; i++) {
            bytes[--at] = (byte) ('0' + unscaled % 10);
            unscaled /= 10;
        }
        if (scale > 0) {
            bytes[--at] = '.';
        }
        do {
            bytes[--at] = (byte) ('0' + unscaled % 10);
            unscaled /= 10;
        } while (at > length);
        length = end;
        return this;
    }

    /** Exactly what {@link BigDecimal#toPlainString()} gives. */
    public CopyLine decimal(BigDecimal value) {
        int scale = value.scale();
        if (scale < 0 || scale >= POWERS_OF_TEN.length || value.precision() >= POWERS_OF_TEN.length) {
            return text(value.toPlainString());
        }
        // At scale 0 with the same digits, longValue() reads BigDecimal's compact long, where
        // unscaledValue() made a BigInteger for every number.
        return unscaled(value.movePointRight(scale).longValue(), scale);
    }

    /** {@code 2024-03-01}: the first day of the month, as date columns store a month. */
    public CopyLine month(YearMonth month) {
        return date(month.getYear(), month.getMonthValue(), 1);
    }

    public CopyLine date(LocalDate date) {
        return date(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    private CopyLine date(int year, int month, int day) {
        if (year < 1000 || year > 9999) {
            return text(LocalDate.of(year, month, day).toString());
        }
        ensure(10);
        unscaled(year, 0);
        bytes[length++] = '-';
        bytes[length++] = (byte) ('0' + month / 10);
        bytes[length++] = (byte) ('0' + month % 10);
        bytes[length++] = '-';
        bytes[length++] = (byte) ('0' + day / 10);
        bytes[length++] = (byte) ('0' + day % 10);
        return this;
    }

    /**
     * Text that holds no tab, newline, carriage return or backslash (an enum's name, a sentence's code
     * and arguments), written as is in UTF-8; anything else is refused, since it would need escaping.
     */
    public CopyLine text(String text) {
        int n = text.length();
        ensure(n);
        int start = length;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                length = start;
                if (text.indexOf('\\') >= 0 || text.indexOf('\t') >= 0 || text.indexOf('\n') >= 0
                        || text.indexOf('\r') >= 0) {
                    throw new IllegalArgumentException("text with a tab, newline or backslash for COPY: " + text);
                }
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                ensure(utf8.length);
                System.arraycopy(utf8, 0, bytes, length, utf8.length);
                length += utf8.length;
                return this;
            }
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                length = start;
                throw new IllegalArgumentException("text with a tab, newline or backslash for COPY: " + text);
            }
            bytes[length++] = (byte) c;
        }
        return this;
    }

    private CopyLine put(byte b) {
        ensure(1);
        bytes[length++] = b;
        return this;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
