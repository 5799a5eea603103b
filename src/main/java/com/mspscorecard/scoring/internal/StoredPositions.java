package com.mspscorecard.scoring.internal;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mspscorecard.scoring.engine.PortfolioPosition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What rescoring one client reads back of the stored scorecards: each client-month's portfolio
 * position and score, so that months whose portfolio did not move keep the position they were
 * scored with, and other clients are rescored only where their drain or dependency verdict moves.
 */
@Component
public class StoredPositions {

    private final JdbcTemplate jdbc;

    StoredPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stored positions and scores of some clients, all their months. */
    public List<StoredPosition> positionsOfClients(int version, Collection<Long> clientIds) {
        return jdbc.query(con -> {
            var ps = con.prepareStatement(POSITIONS + " where model_version = ? and client_id = any (?)");
            ps.setInt(1, version);
            ps.setArray(2, con.createArrayOf("bigint", clientIds.toArray()));
            return ps;
        }, (rs, n) -> storedPosition(rs));
    }

    /**
     * Stored positions in the given months of the clients that were drains or dependency risks
     * there (through {@code client_score_flagged_idx}).
     */
    public List<StoredPosition> flaggedPositions(int version, Collection<YearMonth> months) {
        return jdbc.query(con -> {
            var ps = con.prepareStatement(POSITIONS + """
                     where model_version = ? and month = any (?) and (drain or dependency_risk)
                    """);
            ps.setInt(1, version);
            ps.setArray(2, dates(con, months));
            return ps;
        }, (rs, n) -> storedPosition(rs));
    }

    /** Stored scores of the given client-months (for "three months earlier"). */
    public Map<Long, Map<YearMonth, BigDecimal>> scores(int version, Collection<Long> clientIds) {
        Map<Long, Map<YearMonth, BigDecimal>> scores = new HashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("select client_id, month, score from client_score "
                    + "where model_version = ? and client_id = any (?) and score is not null");
            ps.setInt(1, version);
            ps.setArray(2, con.createArrayOf("bigint", clientIds.toArray()));
            return ps;
        }, rs -> {
            scores.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
                    .put(YearMonth.from(rs.getObject(2, LocalDate.class)), rs.getBigDecimal(3));
        });
        return scores;
    }

    /**
     * Stored scores of the given client-months, the pairs being {@code clientIds[i]} and {@code months[i]}.
     * Read as whole months and filtered here: an index-only range of {@code client_score_month_scores_idx}
     * per month (V38), where a look-up per pair read one heap page per client.
     */
    public Map<Long, Map<YearMonth, BigDecimal>> scores(int version, List<Long> clientIds, List<YearMonth> months) {
        Map<Long, Map<YearMonth, BigDecimal>> scores = new HashMap<>();
        if (clientIds.isEmpty()) {
            return scores;
        }
        Map<YearMonth, Set<Long>> wanted = new HashMap<>();
        for (int i = 0; i < clientIds.size(); i++) {
            wanted.computeIfAbsent(months.get(i), month -> new HashSet<>()).add(clientIds.get(i));
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    select client_id, month, score from client_score
                    where model_version = ? and month = any (?) and score is not null""");
            ps.setInt(1, version);
            ps.setArray(2, dates(con, wanted.keySet()));
            return ps;
        }, rs -> {
            long clientId = rs.getLong(1);
            YearMonth month = YearMonth.from(rs.getObject(2, LocalDate.class));
            if (wanted.get(month).contains(clientId)) {
                scores.computeIfAbsent(clientId, id -> new HashMap<>()).put(month, rs.getBigDecimal(3));
            }
        });
        return scores;
    }

    private static final String POSITIONS = """
            select client_id, month, score, drain, dependency_risk, revenue_share, effort_share, revenue_rank,
                   effort_rank, portfolio_size
            from client_score""";

    private static StoredPosition storedPosition(java.sql.ResultSet rs) throws SQLException {
        BigDecimal revenueShare = rs.getBigDecimal("revenue_share");
        PortfolioPosition position = revenueShare == null ? null
                : new PortfolioPosition(revenueShare, rs.getBigDecimal("effort_share"), rs.getInt("revenue_rank"),
                        (Integer) rs.getObject("effort_rank"), rs.getInt("portfolio_size"));
        return new StoredPosition(rs.getLong("client_id"), YearMonth.from(rs.getObject("month", LocalDate.class)),
                rs.getBigDecimal("score"), rs.getBoolean("drain"), rs.getBoolean("dependency_risk"), position);
    }

    private static java.sql.Array dates(java.sql.Connection connection, Collection<YearMonth> months)
            throws SQLException {
        return connection.createArrayOf("date", months.stream().map(m -> java.sql.Date.valueOf(m.atDay(1))).toArray());
    }
}
