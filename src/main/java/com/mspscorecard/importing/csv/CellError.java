package com.mspscorecard.importing.csv;

import java.util.List;
import java.util.Objects;

/**
 * Why one cell (or row) cannot be imported.
 *
 * @param line    physical line where the row starts; the header is line 1
 * @param column  the column's name as written in the file's header, or empty for the whole row
 * @param value   the cell as written, empty when missing
 * @param message plain English, saying what to change; what the API returns
 * @param code    the message key of the same sentence, for pages in the reader's language
 * @param args    the key's arguments: text, so that line numbers and values read as written in every language
 */
public record CellError(long line, String column, String value, String message, String code, List<Object> args) {

    public CellError {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    /** An error whose English message is the text of {@code code} in {@code messages/importing.properties}. */
    static CellError of(long line, String column, String value, String code, Object... args) {
        List<Object> arguments = List.of(args);
        return new CellError(line, column, value, EnglishMessages.format(code, arguments), code, arguments);
    }
}
