package com.mspscorecard.database;

/**
 * The application cannot get its database at start-up. The message is written for the person
 * starting the application: what is wrong and what to do, in one line, so it is shown as the
 * start-up failure without a stack trace.
 */
public class DatabaseStartupException extends RuntimeException {

    private final String action;

    public DatabaseStartupException(String message, String action) {
        super(message);
        this.action = action;
    }

    public DatabaseStartupException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    /** What the person starting the application can do about it. */
    public String action() {
        return action;
    }
}
