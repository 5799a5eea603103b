package com.mspscorecard.importing.csv;

/**
 * Why one cell (or row) cannot be imported.
 *
 * @param line    physical line where the row starts; the header is line 1
 * @param column  the column's name as written in the file's header, or empty for the whole row
 * @param value   the cell as written, empty when missing
 * @param message plain English, saying what to change
 */
public record CellError(long line, String column, String value, String message) {
}
