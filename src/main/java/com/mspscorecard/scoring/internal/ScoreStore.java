package com.mspscorecard.scoring.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.mspscorecard.database.CopyLine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes scorecards into {@code client_score} with PostgreSQL's {@code COPY} on the transaction's
 * own connection: one streamed command whatever the number of rows. A row holds numbers and a few
 * short sentences only; the rule breakdown is stored as two numeric arrays in the order of the
 * version's enabled rules and its sentences are written again when a scorecard is read.
 */
@Component
public class ScoreStore {

    private static final String COLUMN_LIST = """
            model_version, client_id, month, score, grade, payment, service_load, relationship, security,
            profitability, data_completeness, recommendation, worsening, score_change_3m, drain, dependency_risk,
            suggested_monthly_price, current_monthly_revenue, revenue_share, effort_share, revenue_rank, effort_rank,
            portfolio_size, rule_breakdown, staff_poll_closed_on, reasons""";

    private static final String COPY = "copy client_score (" + COLUMN_LIST + ") from stdin";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    ScoreStore(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Key of the lock that lets one transaction at a time write scorecards ("SCORES" in ASCII). */
    static final long WRITE_LOCK = 0x53434F524553L;

    /**
     * Waits until no other transaction is writing scorecards, and keeps them out until this one
     * ends. Two edits of the same client (or an edit during a full rescore) would otherwise both
     * replace the same client-months: the later one, not seeing the earlier one's new rows, would
     * insert them a second time and fail on the primary key. Call it before reading anything the
     * rescore depends on, so that those reads see what the previous writer committed. Rescoring one
     * client takes about 30 ms, so edits waiting for each other do not notice.
     */
    public void lockForWriting() {
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> {
        }, WRITE_LOCK);
    }

    /**
     * Replaces the version's scorecards with the given rows, already in COPY text (see
     * {@link #copyText}): the caller may still be computing later chunks while earlier ones stream,
     * so the engine and the database work at the same time.
     *
     * @return where the time went, for the rescore's summary
     */
    public String replaceVersion(int version, Iterator<byte[]> chunks) {
        long start = System.nanoTime();
        jdbc.update("delete from client_score where model_version = ?", version);
        long deleted = System.nanoTime();
        copy(chunks);
        return String.format("delete %d ms, then engine and COPY together %d ms",
                (deleted - start) / 1_000_000, (System.nanoTime() - deleted) / 1_000_000);
    }

    /**
     * Replaces the version's scorecards of some months, streaming as {@link #replaceVersion} does:
     * those of every client in {@code everyClientMonths}, and those of the client-months
     * {@code clientIds[i]}, {@code months[i]}. Deleting and then copying costs PostgreSQL a dead row
     * for each replaced one, as an upsert would, but only in the months a change reached.
     *
     * @return where the time went, for the rescore's summary
     */
    public String replaceMonths(int version, Collection<YearMonth> everyClientMonths, List<Long> clientIds,
                                List<YearMonth> months, Iterator<byte[]> chunks) {
        long start = System.nanoTime();
        int deleted = 0;
        if (!everyClientMonths.isEmpty()) {
            deleted += jdbc.update(con -> {
                var ps = con.prepareStatement("delete from client_score where model_version = ? and month = any (?)");
                ps.setInt(1, version);
                ps.setArray(2, dates(con, everyClientMonths));
                return ps;
            });
        }
        if (!clientIds.isEmpty()) {
            deleted += jdbc.update(con -> {
                var ps = con.prepareStatement("""
                        delete from client_score s using unnest(?::bigint[], ?::date[]) as t(client_id, month)
                        where s.model_version = ? and s.client_id = t.client_id and s.month = t.month""");
                ps.setArray(1, con.createArrayOf("bigint", clientIds.toArray()));
                ps.setArray(2, dates(con, months));
                ps.setInt(3, version);
                return ps;
            });
        }
        long cleared = System.nanoTime();
        copy(chunks);
        return String.format("delete %d rows %d ms, then engine and COPY together %d ms", deleted,
                (cleared - start) / 1_000_000, (System.nanoTime() - cleared) / 1_000_000);
    }

    /**
     * Replaces all scorecards of the given clients with {@code rows}, writing only what differs:
     * the stored rows are read back in COPY's text format and compared line by line with the new
     * ones, so an edit that moves a few months rewrites those months only. (A line that differs
     * in form only, not in value, is merely rewritten.)
     *
     * @return the number of client-months written, or deleted for want of figures
     */
    public int replaceClients(int version, Collection<Long> clientIds, List<ScoredMonth> rows) {
        if (clientIds.isEmpty()) {
            return 0;
        }
        Map<String, String> stored = storedLines(version, clientIds);
        CopyLine text = new CopyLine(640);
        List<Long> staleClients = new ArrayList<>();
        List<LocalDate> staleMonths = new ArrayList<>();
        StringBuilder changed = new StringBuilder();
        int written = 0;
        for (ScoredMonth row : rows) {
            text.reset();
            ScorecardRows.line(text, version, row);
            String line = text.toString();
            String key = key(line);
            String before = stored.remove(key);
            if (!line.equals(before)) {
                changed.append(line);
                written++;
                if (before != null) {
                    staleClients.add(row.card().clientId());
                    staleMonths.add(row.card().month().atDay(1));
                }
            }
        }
        for (String gone : stored.keySet()) {
            int tab = gone.indexOf('\t');
            staleClients.add(Long.parseLong(gone.substring(0, tab)));
            staleMonths.add(LocalDate.parse(gone.substring(tab + 1)));
        }
        if (!staleClients.isEmpty()) {
            jdbc.update(con -> {
                var ps = con.prepareStatement("""
                        delete from client_score s using unnest(?::bigint[], ?::date[]) as t(client_id, month)
                        where s.model_version = ? and s.client_id = t.client_id and s.month = t.month""");
                ps.setArray(1, con.createArrayOf("bigint", staleClients.toArray()));
                ps.setArray(2, con.createArrayOf("date", staleMonths.stream().map(java.sql.Date::valueOf).toArray()));
                ps.setInt(3, version);
                return ps;
            });
        }
        if (!changed.isEmpty()) {
            copy(List.of(changed.toString().getBytes(StandardCharsets.UTF_8)).iterator());
        }
        return written + stored.size();
    }

    /** "client_id\tmonth" of a COPY line. */
    private static String key(String line) {
        int first = line.indexOf('\t');
        int second = line.indexOf('\t', first + 1);
        int third = line.indexOf('\t', second + 1);
        return line.substring(first + 1, third);
    }

    /** The clients' stored rows as COPY would write them back, by "client_id\tmonth". */
    private Map<String, String> storedLines(int version, Collection<Long> clientIds) {
        StringBuilder ids = new StringBuilder();
        for (Long id : clientIds) {
            ids.append(ids.isEmpty() ? "" : ",").append(id.longValue());
        }
        // Numbers only are inlined: COPY takes no parameters.
        String sql = "copy (select " + COLUMN_LIST + " from client_score where model_version = " + version
                + " and client_id in (" + ids + ")) to stdout";
        byte[] out = CopyText.copyOut(dataSource, sql, "reading stored scorecards");
        Map<String, String> lines = new HashMap<>();
        String all = new String(out, StandardCharsets.UTF_8);
        int from = 0;
        while (from < all.length()) {
            int end = all.indexOf('\n', from) + 1;
            String line = all.substring(from, end);
            lines.put(key(line), line);
            from = end;
        }
        return lines;
    }

    public void replaceMonths(int version, List<ScoredMonth> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    delete from client_score s using unnest(?::bigint[], ?::date[]) as t(client_id, month)
                    where s.model_version = ? and s.client_id = t.client_id and s.month = t.month
                    """);
            ps.setArray(1, con.createArrayOf("bigint", rows.stream().map(r -> r.card().clientId()).toArray()));
            ps.setArray(2, dates(con, rows.stream().map(r -> r.card().month()).toList()));
            ps.setInt(3, version);
            return ps;
        });
        insert(version, rows);
    }

    private void insert(int version, List<ScoredMonth> rows) {
        if (!rows.isEmpty()) {
            copy(List.of(copyText(version, rows)).iterator());
        }
    }

    private void copy(Iterator<byte[]> chunks) {
        CopyText.copyIn(dataSource, COPY, chunks, "storing scorecards");
    }

    /** Rows in COPY's text format, UTF-8; safe to call on any thread. */
    public static byte[] copyText(int version, List<ScoredMonth> rows) {
        return ScorecardRows.copyText(version, rows);
    }

    private static java.sql.Array dates(java.sql.Connection connection, Collection<YearMonth> months) throws java.sql.SQLException {
        return connection.createArrayOf("date", months.stream().map(m -> java.sql.Date.valueOf(m.atDay(1))).toArray());
    }
}
