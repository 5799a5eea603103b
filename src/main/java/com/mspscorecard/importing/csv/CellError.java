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

    /** Characters of a value echoed back; a whole 15 MB cell, twice, helps nobody fix it. */
    public static final int MAX_ECHO = 100;

    /** The longest message kept: the sentences are short; only echoed text could make one long. */
    static final int MAX_MESSAGE = 1000;

    public CellError {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(code, "code");
        column = echo(column);
        value = echo(value);
        message = message.length() > MAX_MESSAGE ? echo(message, MAX_MESSAGE) : message;
        args = echoAll(args);
    }

    /** An error whose English message is the text of {@code code} in {@code messages/importing.properties}. */
    static CellError of(long line, String column, String value, String code, Object... args) {
        List<Object> arguments = echoAll(List.of(args));
        return new CellError(line, column, value, EnglishMessages.format(code, arguments), code, arguments);
    }

    /**
     * Text as it may be shown back to the user: at most {@link #MAX_ECHO} characters, then
     * {@code …}. Never splits a character made of two UTF-16 units.
     */
    public static String echo(String text) {
        return echo(text, MAX_ECHO);
    }

    /** The arguments with every text among them shortened by {@link #echo(String)}. */
    public static List<Object> echoAll(List<?> args) {
        return args.stream().map(a -> a instanceof String text ? (Object) echo(text) : a).toList();
    }

    private static String echo(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "\u2026";
    }
}
