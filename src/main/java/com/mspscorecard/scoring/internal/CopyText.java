package com.mspscorecard.scoring.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * PostgreSQL's {@code COPY} streams for every class of scoring that uses them (the scorecard store
 * and the portfolio's figures), on the current transaction's connection so that rows commit or roll
 * back with the change. What it buys: one streamed command whatever the number of rows. Rows are
 * written by {@link com.mspscorecard.database.CopyLine} and fields read back by
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
}
