package com.mspscorecard.scoring;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mspscorecard.scoring.engine.Category;
import com.mspscorecard.scoring.engine.Explanation;
import com.mspscorecard.scoring.engine.PortfolioPosition;
import com.mspscorecard.scoring.engine.RuleResult;
import com.mspscorecard.scoring.engine.Scorecard;
import com.mspscorecard.scoring.engine.TriggeredDealbreaker;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes scorecards into {@code client_score}. Rows go in as column arrays expanded by
 * {@code unnest}: one statement per ten thousand scorecards, which is what makes a whole
 * portfolio storable in a few seconds.
 */
@Component
class ScoreStore {

    private static final int CHUNK = 10_000;

    private static final String INSERT = """
            insert into client_score (model_version, client_id, month, score, grade, payment, service_load,
                relationship, security, profitability, data_completeness, recommendation, worsening, score_change_3m,
                drain, dependency_risk, suggested_monthly_price, current_monthly_revenue, revenue_share, effort_share,
                revenue_rank, effort_rank, portfolio_size, reasons, dealbreakers, rules)
            select ?, t.client_id, t.month, t.score, t.grade, t.payment, t.service_load, t.relationship, t.security,
                t.profitability, t.data_completeness, t.recommendation, t.worsening, t.score_change_3m, t.drain,
                t.dependency_risk, t.suggested_monthly_price, t.current_monthly_revenue, t.revenue_share,
                t.effort_share, t.revenue_rank, t.effort_rank, t.portfolio_size, t.reasons::jsonb,
                t.dealbreakers::jsonb, t.rules::jsonb
            from unnest(?::bigint[], ?::date[], ?::numeric[], ?::text[], ?::numeric[], ?::numeric[], ?::numeric[],
                ?::numeric[], ?::numeric[], ?::numeric[], ?::text[], ?::boolean[], ?::numeric[], ?::boolean[],
                ?::boolean[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::int[], ?::int[], ?::int[],
                ?::text[], ?::text[], ?::text[])
              as t(client_id, month, score, grade, payment, service_load, relationship, security, profitability,
                data_completeness, recommendation, worsening, score_change_3m, drain, dependency_risk,
                suggested_monthly_price, current_monthly_revenue, revenue_share, effort_share, revenue_rank,
                effort_rank, portfolio_size, reasons, dealbreakers, rules)
            """;

    private final JdbcTemplate jdbc;

    ScoreStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A scorecard with the portfolio position it was computed with (null outside the portfolio). */
    record ScoredMonth(Scorecard card, PortfolioPosition position) {
    }

    /** What is stored of a client-month that rescoring one client needs about the others. */
    record StoredPosition(long clientId, YearMonth month, BigDecimal score, boolean drain, boolean dependencyRisk,
                          PortfolioPosition position) {
    }

    void replaceVersion(int version, List<ScoredMonth> rows) {
        jdbc.update("delete from client_score where model_version = ?", version);
        insert(version, rows);
    }

    void replaceClients(int version, Collection<Long> clientIds, List<ScoredMonth> rows) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("delete from client_score where model_version = ? and client_id = any (?)");
            ps.setInt(1, version);
            ps.setArray(2, con.createArrayOf("bigint", clientIds.toArray()));
            return ps;
        });
        insert(version, rows);
    }

    void replaceMonths(int version, List<ScoredMonth> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    delete from client_score s using unnest(?::bigint[], ?::date[]) as t(client_id, month)
                    where s.model_version = ? and s.client_id = t.client_id and s.month = t.month
                    """);
            ps.setArray(1, con.createArrayOf("bigint", rows.stream().map(r -> r.card().clientId()).toArray()));
            ps.setArray(2, ScoringInputs.dates(con, rows.stream().map(r -> r.card().month()).toList()));
            ps.setInt(3, version);
            return ps;
        });
        insert(version, rows);
    }

    /** Stored positions and scores of some clients, all their months. */
    List<StoredPosition> positionsOfClients(int version, Collection<Long> clientIds) {
        return jdbc.query(con -> {
            var ps = con.prepareStatement(POSITIONS + " where model_version = ? and client_id = any (?)");
            ps.setInt(1, version);
            ps.setArray(2, con.createArrayOf("bigint", clientIds.toArray()));
            return ps;
        }, (rs, n) -> storedPosition(rs));
    }

    /**
     * Stored positions in the given months of the clients that were drains or dependency risks,
     * or are among {@code alsoClients}: the only ones whose scorecards a shift in the portfolio can change.
     */
    List<StoredPosition> flaggedPositions(int version, Collection<YearMonth> months, Collection<Long> alsoClients) {
        return jdbc.query(con -> {
            var ps = con.prepareStatement(POSITIONS + """
                     where model_version = ? and month = any (?)
                       and (drain or dependency_risk or client_id = any (?))
                    """);
            ps.setInt(1, version);
            ps.setArray(2, ScoringInputs.dates(con, months));
            ps.setArray(3, con.createArrayOf("bigint", alsoClients.toArray()));
            return ps;
        }, (rs, n) -> storedPosition(rs));
    }

    /** Stored scores of the given client-months (for "three months earlier"). */
    Map<Long, Map<YearMonth, BigDecimal>> scores(int version, Collection<Long> clientIds) {
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

    private void insert(int version, List<ScoredMonth> rows) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<ScoredMonth> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            jdbc.update(con -> {
                var ps = con.prepareStatement(INSERT);
                ps.setInt(1, version);
                Columns columns = new Columns(chunk.size());
                for (ScoredMonth row : chunk) {
                    columns.add(row);
                }
                columns.bind(con, ps);
                return ps;
            });
        }
    }

    /** One chunk of scorecards turned into one array per column. */
    private static final class Columns {

        final Object[][] values;
        int row;

        Columns(int size) {
            values = new Object[25][size];
        }

        void add(ScoredMonth scored) {
            Scorecard card = scored.card();
            PortfolioPosition position = scored.position();
            Object[] r = new Object[] {
                    card.clientId(), java.sql.Date.valueOf(card.month().atDay(1)), card.score(),
                    card.grade() == null ? null : card.grade().name(),
                    card.categoryScores().get(Category.PAYMENT), card.categoryScores().get(Category.SERVICE_LOAD),
                    card.categoryScores().get(Category.RELATIONSHIP), card.categoryScores().get(Category.SECURITY),
                    card.categoryScores().get(Category.PROFITABILITY), card.completeness(),
                    card.recommendation().name(), card.worsening(), card.scoreChange3m(), card.drain(),
                    card.dependencyRisk(), card.suggestedMonthlyPrice(), card.currentMonthlyRevenue(),
                    position == null ? null : position.revenueShare(),
                    position == null ? null : position.effortShare(),
                    position == null ? null : position.revenueRank(),
                    position == null ? null : position.effortRank(),
                    position == null ? null : position.clientCount(),
                    reasons(card.reasons()), dealbreakers(card.dealbreakers()), rules(card.rules())};
            for (int c = 0; c < r.length; c++) {
                values[c][row] = r[c];
            }
            row++;
        }

        private static final String[] TYPES = {"bigint", "date", "numeric", "text", "numeric", "numeric", "numeric",
                "numeric", "numeric", "numeric", "text", "boolean", "numeric", "boolean", "boolean", "numeric",
                "numeric", "numeric", "numeric", "int4", "int4", "int4", "text", "text", "text"};

        void bind(Connection con, java.sql.PreparedStatement ps) throws SQLException {
            for (int c = 0; c < values.length; c++) {
                ps.setArray(c + 2, con.createArrayOf(TYPES[c], values[c]));
            }
        }
    }

    static String reasons(List<Explanation> reasons) {
        StringBuilder json = new StringBuilder(160).append('[');
        for (Explanation reason : reasons) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"code\":");
            string(json, reason.code());
            json.append(",\"text\":");
            string(json, reason.text());
            json.append('}');
        }
        return json.append(']').toString();
    }

    static String dealbreakers(List<TriggeredDealbreaker> dealbreakers) {
        StringBuilder json = new StringBuilder(64).append('[');
        for (TriggeredDealbreaker dealbreaker : dealbreakers) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"key\":");
            string(json, dealbreaker.key());
            json.append(",\"text\":");
            string(json, dealbreaker.reason().text());
            json.append('}');
        }
        return json.append(']').toString();
    }

    static String rules(List<RuleResult> rules) {
        StringBuilder json = new StringBuilder(1600).append('[');
        for (RuleResult rule : rules) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"rule\":\"").append(rule.ruleKey())
                    .append("\",\"category\":\"").append(rule.category().fieldName())
                    .append("\",\"value\":").append(number(rule.value()))
                    .append(",\"sub_score\":").append(number(rule.subScore()))
                    .append(",\"weight\":").append(rule.weight())
                    .append(",\"points\":").append(number(rule.points()))
                    .append(",\"explanation\":");
            string(json, rule.explanation().text());
            json.append('}');
        }
        return json.append(']').toString();
    }

    private static String number(BigDecimal value) {
        return value == null ? "null" : value.toPlainString();
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
