package com.mspscorecard.importing.csv;

/**
 * What a full pass over the rows found.
 *
 * @param rows           data rows read
 * @param rowsWithErrors rows with at least one error
 * @param errors         errors over all rows
 */
public record CsvReadSummary(long rows, long rowsWithErrors, long errors) {

    /** An import is all or nothing: one error rejects the file. */
    public boolean isValid() {
        return errors == 0;
    }
}
