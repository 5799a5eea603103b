package com.mspscorecard.importing.csv;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the {@code month} column is written. */
public enum MonthFormat {

    /** {@code 2026-03}, as the product stores it. */
    YEAR_MONTH("YYYY-MM", "(\\d{4})-(\\d{1,2})"),
    /** {@code 2026-03-01}: a date anywhere in the month; the day is checked, then ignored. */
    DATE("YYYY-MM-DD", "(\\d{4})-(\\d{1,2})-(\\d{1,2})"),
    /** {@code 03/2026}, as many spreadsheets display a month. */
    MONTH_SLASH_YEAR("MM/YYYY", "(\\d{1,2})/(\\d{4})");

    private final String label;
    private final Pattern pattern;

    MonthFormat(String label, String regex) {
        this.label = label;
        this.pattern = Pattern.compile(regex);
    }

    /** What users see, e.g. {@code YYYY-MM}. */
    public String label() {
        return label;
    }

    /** The month written in this format, or empty when the text is not a valid month in it. */
    public Optional<YearMonth> parse(String text) {
        Matcher m = pattern.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(switch (this) {
                case YEAR_MONTH -> YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                case DATE -> YearMonth.from(LocalDate.of(Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
                case MONTH_SLASH_YEAR -> YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            });
        }
        catch (DateTimeException ex) {
            return Optional.empty();
        }
    }

    /** Whether the text has this format's shape, valid or not; used to guess the format. */
    boolean looksLike(String text) {
        return pattern.matcher(text.strip()).matches();
    }
}
