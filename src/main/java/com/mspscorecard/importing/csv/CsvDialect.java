package com.mspscorecard.importing.csv;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * How a CSV file is written: what {@link CsvFormatDetection} guessed, possibly corrected by the user.
 *
 * @param encoding         UTF-8 (a byte-order mark is skipped either way) or Windows-1252
 * @param delimiter        {@code ,}, {@code ;} or tab
 * @param decimalSeparator {@code .} or {@code ,}
 * @param monthFormat      how the {@code month} column is written
 */
public record CsvDialect(Charset encoding, char delimiter, char decimalSeparator, MonthFormat monthFormat) {

    public static final char TAB = '\t';

    public CsvDialect {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(monthFormat, "monthFormat");
        if (delimiter != ',' && delimiter != ';' && delimiter != TAB) {
            throw new IllegalArgumentException("The delimiter must be ',', ';' or a tab, not '" + delimiter + "'");
        }
        if (decimalSeparator != '.' && decimalSeparator != ',') {
            throw new IllegalArgumentException("The decimal separator must be '.' or ',', not '" + decimalSeparator + "'");
        }
        if (decimalSeparator == delimiter) {
            throw new IllegalArgumentException("The decimal separator cannot also be the delimiter");
        }
    }
}
