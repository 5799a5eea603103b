package com.mspscorecard.scoring.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * PostgreSQL's {@code COPY} text format, written and read in one place for every class of scoring
 * that uses it (the scorecard store and the portfolio's figures), on the current transaction's
 * connection so that rows commit or roll back with the change. What it buys: one streamed command
 * whatever the number of rows, and numbers written without intermediate strings (a full rescore
 * writes about two million; see bench/README.md). Fields read back are decoded by
 * {@link com.mspscorecard.database.CopyFields}.
 */
final class CopyText {

    private CopyText() {
    }

    /** Streams {@code chunks} (COPY text, UTF-8) into {@code copy … from stdin} on the transaction's connection. */
    static void copyIn(DataSource dataSource, String sql, Iterator<byte[]> chunks, String what) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                while (chunks.hasNext()) {
                    byte[] bytes = chunks.next();
                    copy.writeToCopy(bytes, 0, bytes.length);
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException(what + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** What {@code copy (…) to stdout} writes, on the transaction's connection. */
    static byte[] copyOut(DataSource dataSource, String sql, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
        } catch (SQLException | IOException e) {
            throw new DataAccessResourceFailureException(what + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return out.toByteArray();
    }

    /** A tab, then the number or {@code \N} for null. */
    static void number(StringBuilder out, BigDecimal value) {
        out.append('\t');
        if (value == null) {
            out.append("\\N");
        } else {
            plain(out, value);
        }
    }

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /**
     * Appends exactly what {@link BigDecimal#toPlainString()} gives, without its intermediate
     * strings: a full rescore writes about two million numbers, and the strings were a good part
     * of its time and garbage.
     */
    static void plain(StringBuilder out, BigDecimal value) {
        int scale = value.scale();
        if (scale < 0 || scale >= POWERS_OF_TEN.length || value.precision() >= POWERS_OF_TEN.length) {
            out.append(value.toPlainString());
            return;
        }
        long unscaled = value.unscaledValue().longValue();
        if (unscaled < 0) {
            out.append('-');
            unscaled = -unscaled;
        }
        if (scale == 0) {
            out.append(unscaled);
            return;
        }
        long power = POWERS_OF_TEN[scale];
        long fraction = unscaled % power;
        out.append(unscaled / power).append('.');
        int digits = 1;
        while (digits < scale && fraction >= POWERS_OF_TEN[digits]) {
            digits++;
        }
        for (; digits < scale; digits++) {
            out.append('0');
        }
        out.append(fraction);
    }

    static void integer(StringBuilder out, Integer value) {
        out.append('\t');
        if (value == null) {
            out.append("\\N");
        } else {
            out.append(value.intValue());
        }
    }

    static void bool(StringBuilder out, boolean value) {
        out.append('\t').append(value ? 't' : 'f');
    }
}
