package com.mspscorecard.importing.csv;

/**
 * The file as a whole cannot be imported; the message is plain English for the user, the
 * {@link #code()} is stable for programs. Rows handed out before it was thrown must be discarded.
 */
public class CsvFileException extends RuntimeException {

    private final CsvProblem problem;

    public CsvFileException(CsvProblem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public CsvProblem problem() {
        return problem;
    }

    public String code() {
        return problem.code();
    }
}
