package com.mspscorecard.importing.raw;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Tells from a file's dates whether {@code 05/03/2024} is the 5th of March or the 3rd of May. A date with a day
 * above 12 settles it; a file where every day and month is at most 12 is ambiguous, and so is one whose dates
 * contradict each other: the user is asked rather than guessed for. Once an order is chosen, a date only the
 * other order can read is a row problem of the aggregation.
 */
public final class DateOrderDetection {

    /** Rows of ISO dates only after which a file is taken to be ISO throughout. */
    static final int ISO_ROWS = 10_000;

    private DateOrderDetection() {
    }

    public static DateOrderGuess guess(Stream<String> samples) {
        int dayFirst = 0;
        int monthFirst = 0;
        int ambiguous = 0;
        for (String sample : (Iterable<String>) samples::iterator) {
            switch (RawDates.shape(sample)) {
                case SLASHED_DAY_FIRST -> dayFirst++;
                case SLASHED_MONTH_FIRST -> monthFirst++;
                case SLASHED_AMBIGUOUS -> ambiguous++;
                default -> {
                }
            }
        }
        if (dayFirst > 0 && monthFirst > 0) {
            return new DateOrderGuess(Optional.empty(), true);
        }
        if (dayFirst > 0) {
            return new DateOrderGuess(Optional.of(DateOrder.DAY_FIRST), false);
        }
        if (monthFirst > 0) {
            return new DateOrderGuess(Optional.of(DateOrder.MONTH_FIRST), false);
        }
        if (ambiguous > 0) {
            return new DateOrderGuess(Optional.empty(), true);
        }
        return new DateOrderGuess(Optional.of(DateOrder.ISO), false);
    }

    /**
     * The guess over every date column {@code mapping} assigns. Reads until a date settles the order; a file of
     * ISO dates only is taken as ISO after {@value #ISO_ROWS} rows (a slashed date further on that could be read
     * both ways is then a row problem of the aggregation, never a silent reading); a file of dates that could be
     * read both ways is read to its end, since its telling date may be its last.
     *
     * @throws RawFileException.Unchecked when the file turns out unreadable, malformed or too large while read
     */
    public static DateOrderGuess guess(RawTable table, ColumnMapping mapping) {
        List<Integer> columns = Stream.of(RawField.OPENED, RawField.CLOSED, RawField.INVOICE_DATE, RawField.DUE_DATE,
                RawField.PAID_DATE, RawField.DATE_WORKED).map(mapping::column).flatMap(Optional::stream).toList();
        boolean ambiguous = false;
        long rows = 0;
        try (Stream<RawRow> stream = table.rows()) {
            for (var iterator = stream.iterator(); iterator.hasNext();) {
                RawRow row = iterator.next();
                rows++;
                for (int column : columns) {
                    switch (RawDates.shape(row.cell(column))) {
                        case SLASHED_DAY_FIRST -> {
                            return new DateOrderGuess(Optional.of(DateOrder.DAY_FIRST), false);
                        }
                        case SLASHED_MONTH_FIRST -> {
                            return new DateOrderGuess(Optional.of(DateOrder.MONTH_FIRST), false);
                        }
                        case SLASHED_AMBIGUOUS -> ambiguous = true;
                        default -> {
                        }
                    }
                }
                if (!ambiguous && rows >= ISO_ROWS) {
                    break;
                }
            }
        }
        return ambiguous ? new DateOrderGuess(Optional.empty(), true) : new DateOrderGuess(Optional.of(DateOrder.ISO), false);
    }
}
