package com.mspscorecard.importing.csv;

import java.nio.charset.Charset;

/**
 * The parts of the dialect the user has chosen; a {@code null} part is guessed from the file.
 * Guesses are made under the chosen parts: choosing {@code ;} as delimiter also changes which
 * decimal separator is guessed.
 */
public record CsvDialectOverrides(Charset encoding, Character delimiter, Character decimalSeparator,
        MonthFormat monthFormat) {

    private static final CsvDialectOverrides NONE = new CsvDialectOverrides(null, null, null, null);

    /** Guess everything. */
    public static CsvDialectOverrides none() {
        return NONE;
    }

    /** Use this dialect as it is, guessing nothing. */
    public static CsvDialectOverrides of(CsvDialect dialect) {
        return new CsvDialectOverrides(dialect.encoding(), dialect.delimiter(), dialect.decimalSeparator(),
                dialect.monthFormat());
    }

    public CsvDialectOverrides withEncoding(Charset encoding) {
        return new CsvDialectOverrides(encoding, delimiter, decimalSeparator, monthFormat);
    }

    public CsvDialectOverrides withDelimiter(Character delimiter) {
        return new CsvDialectOverrides(encoding, delimiter, decimalSeparator, monthFormat);
    }

    public CsvDialectOverrides withDecimalSeparator(Character decimalSeparator) {
        return new CsvDialectOverrides(encoding, delimiter, decimalSeparator, monthFormat);
    }

    public CsvDialectOverrides withMonthFormat(MonthFormat monthFormat) {
        return new CsvDialectOverrides(encoding, delimiter, decimalSeparator, monthFormat);
    }
}
