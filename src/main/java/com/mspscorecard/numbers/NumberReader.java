package com.mspscorecard.numbers;

import java.math.BigDecimal;

/**
 * The one place where typed text becomes a number, for every input path: the client form, the
 * month form and the monthly entry grid (in the reader's language), a CSV file (in its dialect),
 * and later the raw PSA exports. Grouping is accepted wherever it cannot be misread
 * ({@code 2.500,00}, {@code 2,500.00}, {@code 1 234}, {@code 1.234.567}); a value that could be
 * read two ways is refused with a message naming both. Accounting negatives {@code (1.234,00)}
 * and a leading minus read as negative numbers; whether a negative is allowed is the caller's rule.
 *
 * <p>The reader does not round and knows no field: the caller's rules (decimals, limits) check the
 * value. It only needs the field's {@code scale}: a value with one separator followed by three
 * digits ({@code 1.234}, {@code 2,500}) reads as one thousand and more, or as three decimals. It is
 * grouping where that separator is the style's grouping and the field takes no decimals, or in a
 * CSV with decimal commas (where a dot is never a decimal point); anywhere else it is refused as
 * ambiguous, naming both readings, because a page also takes the other convention's decimal
 * separator ({@code 2480.50} on an Italian page) and a person may have meant either.
 *
 * <p>Problem codes, each with its arguments: {@code number.invalid} (text, an example of the expected
 * form), {@code number.ambiguous} (text, the whole-number reading, the decimal reading, written
 * in the style), {@code number.otherDecimal} (text, the separator used, the expected one, the text
 * corrected), {@code number.tooLarge} (text) and {@code number.tooManyDecimals} (text), the last two
 * before any parsing: a cell of millions of digits would take BigDecimal minutes.
 */
public final class NumberReader {

    /** More digits than any figure here has: beyond, the value is refused before it is parsed. */
    static final int MAX_DIGITS = 18;

    private NumberReader() {
    }

    /** Reads {@code text} for a field with {@code scale} decimals (0 for whole numbers). */
    public static NumberReading read(String text, NumberStyle style, int scale) {
        if (text == null) {
            return NumberReading.BLANK;
        }
        String t = text.strip();
        if (t.isEmpty()) {
            return NumberReading.BLANK;
        }
        String shown = t;
        boolean negative = false;
        if (t.length() >= 2 && t.charAt(0) == '(' && t.charAt(t.length() - 1) == ')') {
            negative = true;
            t = t.substring(1, t.length() - 1).strip();
        }
        if (!t.isEmpty() && (t.charAt(0) == '-' || t.charAt(0) == '\u2212' || t.charAt(0) == '+')) {
            if (negative && t.charAt(0) != '+') {
                return invalid(shown, style, scale);
            }
            negative |= t.charAt(0) != '+';
            t = t.substring(1).strip();
        }
        int dots = 0;
        int commas = 0;
        int lastDot = -1;
        int lastComma = -1;
        boolean digit = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            }
            else if (c == '.') {
                dots++;
                lastDot = i;
            }
            else if (c == ',') {
                commas++;
                lastComma = i;
            }
            else if (!isSpaceGrouping(c)) {
                return invalid(shown, style, scale);
            }
        }
        if (!digit) {
            return invalid(shown, style, scale);
        }
        char decimal = 0;
        char grouping = 0;
        if (dots > 0 && commas > 0) {
            // Both: the last one is the decimal separator, the other groups the digits before it.
            decimal = lastDot > lastComma ? '.' : ',';
            grouping = decimal == '.' ? ',' : '.';
            if ((decimal == '.' ? dots : commas) != 1 || (!style.lenient() && decimal != style.decimal())) {
                return invalid(shown, style, scale);
            }
        }
        else if (dots + commas > 1) {
            grouping = dots > 0 ? '.' : ',';
        }
        else if (dots + commas == 1) {
            char separator = dots > 0 ? '.' : ',';
            int at = dots > 0 ? lastDot : lastComma;
            if (isGrouped(t, separator)) {
                // One group of three after the separator: grouping, or three decimals? Grouping only
                // where the field has no decimals or the style never uses this separator as one.
                if (separator == style.grouping() && (scale == 0 || style.singleGroups())) {
                    grouping = separator;
                }
                else {
                    String digits = t.replaceAll("[^0-9]", "");
                    BigDecimal whole = new BigDecimal(digits);
                    BigDecimal fraction = new BigDecimal(digits.substring(0, digits.length() - 3) + "."
                            + digits.substring(digits.length() - 3)).stripTrailingZeros();
                    return NumberReading.problem("number.ambiguous", shown, style.plain(whole),
                            style.plain(fraction));
                }
            }
            else if (separator == style.decimal()) {
                decimal = separator;
            }
            else if (style.lenient()) {
                decimal = separator;
            }
            else {
                return NumberReading.problem("number.otherDecimal", shown, String.valueOf(separator),
                        String.valueOf(style.decimal()), t.substring(0, at) + style.decimal() + t.substring(at + 1));
            }
        }
        int split = decimal == 0 ? t.length() : t.indexOf(decimal);
        String integer = t.substring(0, split);
        String fraction = decimal == 0 ? "" : t.substring(split + 1);
        if (!onlyDigits(fraction) || (integer.isEmpty() && fraction.isEmpty())) {
            return invalid(shown, style, scale);
        }
        if (!onlyDigits(integer)) {
            if (!isGrouped(integer, grouping)) {
                return invalid(shown, style, scale);
            }
            integer = integer.replaceAll("[^0-9]", "");
        }
        integer = stripLeading(integer);
        fraction = stripTrailing(fraction);
        if (integer.length() > MAX_DIGITS) {
            return NumberReading.problem("number.tooLarge", shown);
        }
        if (fraction.length() > MAX_DIGITS) {
            return NumberReading.problem("number.tooManyDecimals", shown);
        }
        BigDecimal value = new BigDecimal((integer.isEmpty() ? "0" : integer) + (fraction.isEmpty() ? "" : "." + fraction));
        return NumberReading.of(negative ? value.negate() : value);
    }

    /**
     * Digits in groups of three after a first group of one to three that does not start with 0,
     * separated throughout by {@code separator} or throughout by one kind of space (or apostrophe);
     * an optional fraction is not part of {@code text}. {@code 1.234.567}, {@code 12 345}, not {@code 1.23}.
     */
    static boolean isGrouped(String text, char separator) {
        char used = 0;
        int group = 0;
        boolean first = true;
        if (text.isEmpty() || text.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                group++;
                if (group > 3) {
                    return false;
                }
                continue;
            }
            if ((c != separator || separator == 0) && !isSpaceGrouping(c)) {
                return false;
            }
            if (used != 0 && c != used) {
                return false;
            }
            used = c;
            if (first ? group == 0 : group != 3) {
                return false;
            }
            first = false;
            group = 0;
        }
        return used != 0 && group == 3;
    }

    private static boolean isSpaceGrouping(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\'' || c == '\u2019';
    }

    private static boolean onlyDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String stripLeading(String digits) {
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }

    private static String stripTrailing(String digits) {
        int end = digits.length();
        while (end > 0 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }

    private static NumberReading invalid(String text, NumberStyle style, int scale) {
        return NumberReading.problem("number.invalid", text, style.example(scale));
    }
}
