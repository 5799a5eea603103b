package com.mspscorecard.importing.raw;

import com.mspscorecard.numbers.NumberReader;
import com.mspscorecard.numbers.NumberReading;
import com.mspscorecard.numbers.NumberStyle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one row's fields for a tally: the cell of a field, a date, an amount, a flag. A value that cannot be read
 * is recorded as the row's problem and read as null; the tally then leaves the row out.
 */
final class RowContext {

    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "y", "x", "paid", "si", "sì", "vero");

    private final ColumnMapping mapping;
    private final List<String> headers;
    private final DateOrder dateOrder;
    private final NumberStyle style;
    final List<RowProblem> problems = new ArrayList<>();
    long problemCount;
    private RawRow row;
    private boolean failed;

    RowContext(ColumnMapping mapping, List<String> headers, DateOrder dateOrder, NumberStyle style) {
        this.mapping = mapping;
        this.headers = headers;
        this.dateOrder = dateOrder;
        this.style = style;
    }

    void start(RawRow row) {
        this.row = row;
        this.failed = false;
    }

    /** Whether the current row had a problem; counted once per row. */
    boolean failed() {
        return failed;
    }

    boolean has(RawField field) {
        return mapping.has(field);
    }

    /** The stripped cell of {@code field}, or "" when the field has no column. */
    String text(RawField field) {
        Integer column = mapping.columns().get(field);
        return column == null ? "" : row.cell(column).strip();
    }

    /** The client the row names, or null (a problem) when it names none. */
    ClientKey client(boolean problemIfMissing) {
        String name = text(RawField.CLIENT);
        String ref = text(RawField.CLIENT_REF);
        if (name.isEmpty() && ref.isEmpty()) {
            if (problemIfMissing) {
                problem(mapping.has(RawField.CLIENT) ? RawField.CLIENT : RawField.CLIENT_REF, "", "psa.row.clientMissing");
            }
            return null;
        }
        return new ClientKey(name.isEmpty() ? null : name, ref.isEmpty() ? null : ref);
    }

    /** The date of {@code field}: null and a problem when required and blank, or when unreadable. */
    LocalDate date(RawField field, boolean required) {
        String text = text(field);
        if (text.isEmpty()) {
            if (required) {
                problem(field, "", "psa.row.dateMissing");
            }
            return null;
        }
        LocalDate date = RawDates.parse(text, dateOrder);
        if (date == null) {
            problem(field, text, "psa.row.dateInvalid", text);
        }
        return date;
    }

    /** An amount of money; blank is null without a problem unless required. */
    BigDecimal amount(RawField field, boolean required) {
        String text = text(field);
        if (text.isEmpty()) {
            if (required) {
                problem(field, "", "psa.row.amountMissing");
            }
            return null;
        }
        return value(field, text, Amounts.read(text, style));
    }

    /** Hours as {@code 1.5}, {@code 1,5} (decimal-comma files) or {@code 1:30}; never negative. */
    BigDecimal hours(RawField field) {
        String text = text(field);
        if (text.isEmpty()) {
            problem(field, "", "psa.row.hoursMissing");
            return null;
        }
        int colon = text.indexOf(':');
        if (colon > 0 && text.indexOf(':', colon + 1) < 0) {
            try {
                int h = Integer.parseInt(text.substring(0, colon).strip());
                int m = Integer.parseInt(text.substring(colon + 1).strip());
                if (h >= 0 && m >= 0 && m < 60) {
                    return BigDecimal.valueOf(h * 60L + m).divide(BigDecimal.valueOf(60), 4, java.math.RoundingMode.HALF_UP);
                }
            }
            catch (NumberFormatException ex) {
                // read below as a number, which reports the problem
            }
        }
        BigDecimal hours = value(field, text, NumberReader.read(text, style, 2));
        if (hours != null && hours.signum() < 0) {
            problem(field, text, "psa.row.hoursNegative", text);
            return null;
        }
        return hours;
    }

    /** {@code true}, {@code yes}, {@code y}, {@code 1}, {@code x}, {@code paid} (any case) and any positive number. */
    static boolean truthy(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return false;
        }
        if (TRUE_WORDS.contains(t)) {
            return true;
        }
        try {
            return new BigDecimal(t).signum() > 0;
        }
        catch (NumberFormatException ex) {
            return false;
        }
    }

    void problem(RawField field, String value, String code, Object... args) {
        if (failed) {
            return;
        }
        failed = true;
        problemCount++;
        if (problems.size() < AggregationResult.SHOWN) {
            Integer column = mapping.columns().get(field);
            String header = column == null || column >= headers.size() ? null : headers.get(column);
            problems.add(new RowProblem(row.line(), header, value, code, List.of(args)));
        }
    }

    private BigDecimal value(RawField field, String text, NumberReading reading) {
        if (!reading.ok()) {
            problem(field, text, reading.problem(), reading.args().toArray());
            return null;
        }
        return reading.value();
    }
}
