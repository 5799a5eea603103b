package com.mspscorecard.importing.raw;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Reads the date part of a cell as PSAs and spreadsheets write it: {@code 2024-03-05}, {@code 2024-03-05T14:30:00Z},
 * {@code 05/03/2024 14:30}, {@code 3/5/2024 2:30 PM}, {@code 05.03.2024}, {@code 5-Mar-2024}, {@code Mar 5, 2024},
 * an Excel serial number ({@code 45356}). The time and any zone are ignored: a ticket opened at 23:30 counts on
 * the day the PSA wrote. Hand-written for speed: a million rows are read per import.
 */
final class RawDates {

    /** Excel's day 0 in the 1900 date system, as Excel counts (with its phantom 29 February 1900). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final List<DateTimeFormatter> NAMED_MONTHS = List.of(
            formatter("d-MMM-uuuu"), formatter("d MMM uuuu"), formatter("MMM d, uuuu"), formatter("MMMM d, uuuu"),
            formatter("d MMMM uuuu"), formatter("d-MMM-uu"));

    private RawDates() {
    }

    /** The kinds of text a date cell holds, for the order detection. */
    enum Shape {
        BLANK, ISO, SLASHED_DAY_FIRST, SLASHED_MONTH_FIRST, SLASHED_AMBIGUOUS, OTHER, UNREADABLE
    }

    /** The date {@code text} means under {@code order}, or null when it is not a date (or blank). */
    static LocalDate parse(String text, DateOrder order) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        int[] parts = new int[3];
        int[] digits = new int[3];
        int end = numericDate(t, parts, digits);
        if (end < 0) {
            return other(t);
        }
        try {
            if (digits[0] == 4) {
                return LocalDate.of(parts[0], parts[1], parts[2]);
            }
            int year = digits[2] == 2 ? 2000 + parts[2] : parts[2];
            if (digits[2] != 2 && digits[2] != 4) {
                return null;
            }
            int a = parts[0];
            int b = parts[1];
            return switch (order) {
                // A date that only the other order can read contradicts the file's order: a problem, not a silent reading.
                case DAY_FIRST -> LocalDate.of(year, b, a);
                case MONTH_FIRST -> LocalDate.of(year, a, b);
                // No slashed date was seen when the order was taken: one that reads only one way is read so;
                // one that could be read both ways is not a guess to make silently.
                case ISO -> a > 12 && b <= 12 ? LocalDate.of(year, b, a)
                        : b > 12 && a <= 12 ? LocalDate.of(year, a, b)
                        : a == b ? LocalDate.of(year, a, b) : null;
            };
        }
        catch (DateTimeException ex) {
            return null;
        }
    }

    /** What kind of date {@code text} is, for {@link DateOrderDetection}. */
    static Shape shape(String text) {
        if (text == null || text.isBlank()) {
            return Shape.BLANK;
        }
        String t = text.strip();
        int[] parts = new int[3];
        int[] digits = new int[3];
        if (numericDate(t, parts, digits) < 0) {
            return other(t) != null ? Shape.OTHER : Shape.UNREADABLE;
        }
        if (digits[0] == 4) {
            return Shape.ISO;
        }
        int a = parts[0];
        int b = parts[1];
        if (a > 12 && b <= 12) {
            return Shape.SLASHED_DAY_FIRST;
        }
        if (b > 12 && a <= 12) {
            return Shape.SLASHED_MONTH_FIRST;
        }
        if (a > 12) {
            return Shape.UNREADABLE;
        }
        return a == b ? Shape.OTHER : Shape.SLASHED_AMBIGUOUS;
    }

    /**
     * Splits {@code n sep n sep n} at the start of {@code t} (separators {@code - / .}), followed by nothing, or by a
     * time after {@code T} or a space. Returns the end of the date part, or -1 when {@code t} does not start so.
     */
    private static int numericDate(String t, int[] parts, int[] digits) {
        int i = 0;
        char separator = 0;
        for (int part = 0; part < 3; part++) {
            int value = 0;
            int count = 0;
            while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9' && count < 5) {
                value = value * 10 + (t.charAt(i) - '0');
                count++;
                i++;
            }
            if (count == 0 || count > 4) {
                return -1;
            }
            parts[part] = value;
            digits[part] = count;
            if (part < 2) {
                if (i >= t.length()) {
                    return -1;
                }
                char c = t.charAt(i);
                if (c != '-' && c != '/' && c != '.') {
                    return -1;
                }
                if (separator != 0 && c != separator) {
                    return -1;
                }
                separator = c;
                i++;
            }
        }
        if (i < t.length() && t.charAt(i) != 'T' && t.charAt(i) != ' ') {
            return -1;
        }
        if (digits[0] != 4 && (digits[0] > 2 || digits[1] > 2)) {
            return -1;
        }
        if (digits[0] == 4 && (digits[1] > 2 || digits[2] > 2)) {
            return -1;
        }
        return i;
    }

    /** An Excel serial number, {@code yyyyMMdd}, or a date with the month's English name. */
    private static LocalDate other(String t) {
        if (isSerial(t)) {
            int dot = t.indexOf('.');
            long days = Long.parseLong(dot < 0 ? t : t.substring(0, dot));
            if (t.length() == 8 && dot < 0) {
                try {
                    return LocalDate.of((int) (days / 10000), (int) (days / 100 % 100), (int) (days % 100));
                }
                catch (DateTimeException ex) {
                    return null;
                }
            }
            // 1 = 1900-01-01 … 2958465 = 9999-12-31; Excel counts a 29 February 1900 that never was.
            if (days < 61 || days > 2958465) {
                return null;
            }
            return EXCEL_EPOCH.plusDays(days);
        }
        if (!Character.isLetter(t.charAt(0)) && !Character.isDigit(t.charAt(0))) {
            return null;
        }
        String datePart = t;
        int comma = t.indexOf(',');
        // "Mar 5, 2024 10:15" → "Mar 5, 2024"
        int space = t.indexOf(' ', comma < 0 ? 0 : comma + 2);
        if (comma >= 0 && space > 0) {
            datePart = t.substring(0, space);
        }
        for (DateTimeFormatter format : NAMED_MONTHS) {
            try {
                return LocalDate.parse(datePart, format);
            }
            catch (DateTimeParseException ex) {
                // next form
            }
        }
        return null;
    }

    private static boolean isSerial(String t) {
        int dot = t.indexOf('.');
        int whole = dot < 0 ? t.length() : dot;
        if (whole < 2 || whole > 8) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ((c < '0' || c > '9') && i != dot) {
                return false;
            }
        }
        return whole != 8 || dot < 0;
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }
}
