package com.mspscorecard.importing.raw;

import com.mspscorecard.numbers.NumberReader;
import com.mspscorecard.numbers.NumberReading;
import com.mspscorecard.numbers.NumberStyle;

/**
 * Amounts as PSAs and spreadsheets write them: {@code €1.234,50}, {@code $1,234.50}, {@code (120.00)},
 * {@code 1 234,50}, {@code -120}, {@code USD 99.00}, {@code 120.00 CR} and {@code 120.00-} (credits). The
 * currency is dropped (an export is in the installation's currency) and the digits go through the one
 * number reader, {@link NumberReader}, at two decimals.
 */
public final class Amounts {

    private Amounts() {
    }

    /**
     * Reads {@code text} in the file's {@code style}; a text with both separators is read by the one its last
     * separator makes it (it cannot be read two ways), so an xlsx text cell {@code €1.234,50} is read too.
     */
    public static NumberReading read(String text, NumberStyle style) {
        if (text == null) {
            return NumberReader.read(null, style, 2);
        }
        String t = text.strip();
        boolean credit = false;
        if (t.length() > 2 && (t.endsWith("CR") || t.endsWith("cr")) && !Character.isLetter(t.charAt(t.length() - 3))) {
            credit = true;
            t = t.substring(0, t.length() - 2).strip();
        }
        t = withoutCurrency(t);
        if (t.length() > 1 && t.charAt(t.length() - 1) == '-' && t.charAt(0) != '-' && t.charAt(0) != '(') {
            credit = true;
            t = t.substring(0, t.length() - 1).strip();
        }
        NumberReading reading = NumberReader.read(t, style, 2);
        if (!reading.ok()) {
            int dot = t.lastIndexOf('.');
            int comma = t.lastIndexOf(',');
            if (dot >= 0 && comma >= 0) {
                NumberStyle other = NumberStyle.csv(dot > comma ? '.' : ',');
                if (other.decimal() != style.decimal()) {
                    NumberReading retry = NumberReader.read(t, other, 2);
                    reading = retry.ok() ? retry : reading;
                }
            }
        }
        if (credit && reading.ok() && reading.value() != null && reading.value().signum() > 0) {
            return new NumberReading(reading.value().negate(), null, java.util.List.of());
        }
        return reading;
    }

    /** Reads {@code text} in the style its own separators suggest (a comma followed by one or two digits is decimal). */
    public static NumberReading read(String text) {
        String t = text == null ? "" : text.strip();
        int dot = t.lastIndexOf('.');
        int comma = t.lastIndexOf(',');
        char decimal = '.';
        if (comma > dot) {
            int after = 0;
            for (int i = comma + 1; i < t.length() && Character.isDigit(t.charAt(i)); i++) {
                after++;
            }
            decimal = dot >= 0 || after != 3 ? ',' : '.';
        }
        return read(text, NumberStyle.csv(decimal));
    }

    /** Drops currency symbols anywhere and a three-letter currency code at either end: {@code EUR 1.234,50}. */
    private static String withoutCurrency(String t) {
        StringBuilder kept = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.getType(c) != Character.CURRENCY_SYMBOL) {
                kept.append(c);
            }
        }
        String s = kept.toString().strip();
        if (s.length() > 3 && isCode(s, 0) && !Character.isLetter(s.charAt(3))) {
            s = s.substring(3).strip();
        }
        if (s.length() > 3 && isCode(s, s.length() - 3) && !Character.isLetter(s.charAt(s.length() - 4))) {
            s = s.substring(0, s.length() - 3).strip();
        }
        return s;
    }

    private static boolean isCode(String s, int from) {
        for (int i = from; i < from + 3; i++) {
            char c = s.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }
}
