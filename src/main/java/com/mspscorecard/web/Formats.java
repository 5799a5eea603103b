package com.mspscorecard.web;

import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers and months written for one reader's locale, exactly as Thymeleaf's {@code #numbers.formatDecimal(n, 1,
 * 'DEFAULT', digits, 'DEFAULT')}, {@code #numbers.formatPercent(n, 1, digits)} and {@code #temporals.format(month,
 * pattern)} write them ({@code FormatsTests} holds them side by side). Templates reach it as {@code #formats}
 * ({@link FormatsDialect}): {@code ${#formats.decimal(score, 1)}}, {@code ${#formats.month(month)}}.
 *
 * <p>Why not those expression objects: they build a {@link NumberFormat} or parse a date pattern for every
 * number and month written. A client's scorecard writes about 200 (two years of scores and figures, the
 * month selector's five years), and building them was a sixth of rendering it in flight recordings.
 * Here each format is built once per locale and copied per use ({@code NumberFormat} is not thread-safe;
 * {@code DateTimeFormatter} is, and is shared). An expression object, not a bean: Spring's expression
 * compiler compiles {@code #formats.decimal(…)} to bytecode, while a call on {@code @bean} stays interpreted.
 */
public final class Formats {

    private record Key(Locale locale, String kind, int digits) {
    }

    private static final Map<Key, NumberFormat> NUMBERS = new ConcurrentHashMap<>();
    private static final Map<Key, DateTimeFormatter> MONTHS = new ConcurrentHashMap<>();

    private final Locale locale;

    public Formats(Locale locale) {
        this.locale = locale;
    }

    /** The number with exactly {@code digits} decimals, grouped as the locale groups; null for null. */
    public String decimal(Number number, int digits) {
        return number == null ? null : number(new Key(locale, "decimal", digits)).format(number);
    }

    /** A fraction as a percentage with exactly {@code digits} decimals (0.125 → 12.5%); null for null. */
    public String percent(Number fraction, int digits) {
        return fraction == null ? null : number(new Key(locale, "percent", digits)).format(fraction);
    }

    /** "March 2026", "marzo 2026". */
    public String month(YearMonth month) {
        return month == null ? null : monthFormat("MMMM yyyy").format(month);
    }

    /** "Mar 2026", "mar 2026". */
    public String shortMonth(YearMonth month) {
        return month == null ? null : monthFormat("MMM yyyy").format(month);
    }

    private static NumberFormat number(Key key) {
        return (NumberFormat) NUMBERS.computeIfAbsent(key, k -> {
            NumberFormat format = k.kind().equals("percent") ? NumberFormat.getPercentInstance(k.locale())
                    : NumberFormat.getNumberInstance(k.locale());
            format.setMinimumIntegerDigits(1);
            format.setMinimumFractionDigits(k.digits());
            format.setMaximumFractionDigits(k.digits());
            return format;
        }).clone();
    }

    private DateTimeFormatter monthFormat(String pattern) {
        return MONTHS.computeIfAbsent(new Key(locale, pattern, 0), k -> DateTimeFormatter.ofPattern(pattern, locale));
    }
}
