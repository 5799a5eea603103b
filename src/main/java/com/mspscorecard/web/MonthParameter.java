package com.mspscorecard.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** The {@code ?month=YYYY-MM} of every page: a malformed month is ignored rather than an error page. */
public final class MonthParameter {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private MonthParameter() {
    }

    public static Optional<YearMonth> parse(String text) {
        if (text == null || !MONTH.matcher(text.trim()).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(text.trim()));
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
