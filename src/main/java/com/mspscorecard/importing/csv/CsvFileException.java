package com.mspscorecard.importing.csv;

import java.util.List;

/**
 * The file as a whole cannot be imported. The message is plain English for the user, the
 * {@link #code()} is stable for programs, and {@link #messageCode()} with {@link #args()} is the
 * same sentence as a message key, for pages in the reader's language. Rows handed out before it
 * was thrown must be discarded.
 */
public class CsvFileException extends RuntimeException {

    private final CsvProblem problem;
    private final String messageCode;
    private final List<Object> args;

    /** The English message is the text of {@code messageCode} in {@code messages/importing.properties}. */
    CsvFileException(CsvProblem problem, String messageCode, Object... args) {
        this(problem, messageCode, CellError.echoAll(List.of(args)));
    }

    private CsvFileException(CsvProblem problem, String messageCode, List<Object> args) {
        super(EnglishMessages.format(messageCode, args));
        this.problem = problem;
        this.messageCode = messageCode;
        this.args = args;
    }

    public CsvProblem problem() {
        return problem;
    }

    public String code() {
        return problem.code();
    }

    public String messageCode() {
        return messageCode;
    }

    public List<Object> args() {
        return args;
    }
}
