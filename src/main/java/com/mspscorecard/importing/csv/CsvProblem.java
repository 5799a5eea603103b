package com.mspscorecard.importing.csv;

/**
 * Why a whole file is refused before or while its rows are read. The codes are stable: pages,
 * the API and translations key on them.
 */
public enum CsvProblem {

    EMPTY("file.empty"),
    BINARY("file.binary"),
    TOO_LARGE("file.too_large"),
    TOO_MANY_ROWS("file.too_many_rows"),
    HEADER_ONLY("file.header_only"),
    MALFORMED("file.malformed"),
    MISSING_CLIENT_COLUMN("header.missing_client"),
    MISSING_MONTH_COLUMN("header.missing_month"),
    DUPLICATE_COLUMN("header.duplicate_column"),
    /** The chosen decimal separator is also the chosen delimiter. */
    SEPARATOR_CONFLICT("dialect.invalid");

    private final String code;

    CsvProblem(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
