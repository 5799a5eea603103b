package com.mspscorecard.database;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Shows a database problem at start-up as one readable description and what to do, instead of
 * the stack trace of whichever component first touched the database (Flyway, Hibernate, Hikari).
 * Registered in {@code META-INF/spring.factories}.
 */
public class DatabaseFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseStartupException startup) {
                return new FailureAnalysis(startup.getMessage(), startup.action(), startup);
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isConnectionProblem(sql.getSQLState())) {
                return new FailureAnalysis("Cannot use the PostgreSQL database: " + firstLine(sql.getMessage()),
                        "Check that the server in SPRING_DATASOURCE_URL is running and that "
                                + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD are right.",
                        sql);
            }
        }
        return null;
    }

    /** Connection exceptions (08), authorization (28) and an unknown database (3D000). */
    static boolean isConnectionProblem(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08") || sqlState.startsWith("28") || sqlState.equals("3D000"));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
