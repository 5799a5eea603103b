package com.mspscorecard.numbers;

import java.util.Locale;

/**
 * How numbers are written where they come from: the decimal separator, the grouping separator,
 * and how far the reader may go beyond them.
 *
 * @param decimal      {@code .} or {@code ,}
 * @param grouping     the other one: {@code ,} for {@code 2,500.00}, {@code .} for {@code 2.500,00}
 * @param lenient      a person typing in a form: the other convention's decimal separator is also
 *                     taken where it cannot be grouping ({@code 2480.50} on an Italian page), so a
 *                     value that would read either way is refused as ambiguous
 * @param singleGroups whether one group after the grouping separator ({@code 1.234}) is grouping
 *                     even where the value may have decimals; otherwise it is refused as ambiguous
 */
public record NumberStyle(char decimal, char grouping, boolean lenient, boolean singleGroups) {

    /** English pages: {@code 2,500.00}. */
    public static final NumberStyle ENGLISH = new NumberStyle('.', ',', true, false);

    /** Italian pages: {@code 2.500,00}. */
    public static final NumberStyle ITALIAN = new NumberStyle(',', '.', true, false);

    public NumberStyle {
        if (!(decimal == '.' && grouping == ',') && !(decimal == ',' && grouping == '.')) {
            throw new IllegalArgumentException("The separators must be '.' and ',' one way or the other");
        }
    }

    /** What a person on a page in this language types. */
    public static NumberStyle of(Locale locale) {
        return locale != null && "it".equals(locale.getLanguage()) ? ITALIAN : ENGLISH;
    }

    /**
     * A CSV file whose (detected or chosen) decimal separator is {@code decimal}: the other
     * convention is never taken as a decimal. A file with decimal commas (Excel in Italian) never
     * uses a dot as a decimal point, so {@code 1.234} there is one thousand two hundred thirty-four;
     * in a file with decimal points a quoted {@code "1,250"} might be a decimal comma from another
     * tool, so it is refused as ambiguous unless the column holds whole numbers.
     */
    public static NumberStyle csv(char decimal) {
        return new NumberStyle(decimal, decimal == '.' ? ',' : '.', false, decimal == ',');
    }

    /**
     * An example of a number written this way, for messages: {@code 2,500.00} or {@code 2.500,00};
     * {@code 2,500} or {@code 2.500} for whole numbers.
     */
    public String example(int scale) {
        return "2" + grouping + "500" + (scale == 0 ? "" : decimal + "0".repeat(scale));
    }

    /** {@code value} written as {@link #plain}, or an empty text for no value. */
    public String plainOrEmpty(java.math.BigDecimal value) {
        return value == null ? "" : plain(value);
    }

    /** {@code value} written this way without grouping, for messages: {@code 1234.5} or {@code 1234,5}. */
    public String plain(java.math.BigDecimal value) {
        return value.toPlainString().replace('.', decimal);
    }
}
