package com.mspscorecard.scoring.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mspscorecard.scoring.ScorecardView;
import com.mspscorecard.scoring.engine.Category;
import com.mspscorecard.scoring.engine.MonthIndex;
import com.mspscorecard.scoring.engine.RuleResult;
import com.mspscorecard.scoring.engine.ScoringEngine;
import com.mspscorecard.scoring.engine.ScoringModel;

/**
 * A stored {@code client_score} row read back as a {@link ScorecardView}: numbers, sentence codes and
 * arguments as {@link ScorecardRows} wrote them, and the rule breakdown written again from its stored
 * numbers under the scorecard's own model version. Nothing is scored again.
 */
public final class StoredScorecards {

    /** The columns {@link #view} reads. */
    public static final String COLUMNS = """
            select client_id, month, model_version, score, grade, payment, service_load, relationship, security,
                   profitability, data_completeness, recommendation, reasons, worsening,
                   score_change_3m, drain, dependency_risk, suggested_monthly_price, current_monthly_revenue,
                   revenue_share""";

    private StoredScorecards() {
    }

    /** A row of {@link #COLUMNS} as a scorecard without its client's name (the caller adds it). */
    public static ScorecardView view(ResultSet rs, List<ScorecardView.RuleLine> rules) throws SQLException {
        long clientId = rs.getLong("client_id");
        List<ScorecardView.Reason> reasons = reasons(rs.getString("reasons"));
        String grade = rs.getString("grade");
        return new ScorecardView(clientId, null, null,
                YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getInt("model_version"),
                verdict(grade, rs.getBigDecimal("score")), grade, categories(rs), rs.getBigDecimal("data_completeness"),
                rs.getString("recommendation"), reasons, dealbreakers(reasons), rs.getBoolean("worsening"),
                verdict(grade, rs.getBigDecimal("score_change_3m")), rs.getBoolean("drain"), rs.getBoolean("dependency_risk"),
                rs.getBigDecimal("suggested_monthly_price"), rs.getBigDecimal("current_monthly_revenue"),
                rs.getBigDecimal("revenue_share"), rules);
    }

    /**
     * A score, or a change of score, as pages and the API show it: none without a grade. With
     * insufficient data the stored number (kept for "three months earlier") is no verdict, and
     * shown beside "Insufficient data" it read as one.
     */
    public static BigDecimal verdict(String grade, BigDecimal score) {
        return grade == null ? null : score;
    }

    public static Map<String, BigDecimal> categories(ResultSet rs) throws SQLException {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            scores.put(category.fieldName(), rs.getBigDecimal(category.fieldName()));
        }
        return scores;
    }

    /** Stored as "code arg arg;code arg" (see {@code ScoreStore}); the text is written when read. */
    static List<ScorecardView.Reason> reasons(String stored) {
        List<ScorecardView.Reason> reasons = new ArrayList<>(2);
        if (stored == null || stored.isEmpty()) {
            return reasons;
        }
        for (String sentence : stored.split(";")) {
            String[] parts = sentence.split(" ", -1);
            reasons.add(new ScorecardView.Reason(parts[0], List.of(parts).subList(1, parts.length), null));
        }
        return reasons;
    }

    /** A dealbreaker that holds is always among the reasons, under its own code. */
    private static List<ScorecardView.Reason> dealbreakers(List<ScorecardView.Reason> reasons) {
        return reasons.stream().filter(reason -> reason.code().startsWith("dealbreaker.")).toList();
    }

    /** The rule breakdown written again from the stored numbers under the scorecard's own model version. */
    public static List<ScorecardView.RuleLine> rules(ResultSet rs, ScoringModel model) throws SQLException {
        String breakdown = rs.getString("rule_breakdown");
        String[] stored = breakdown.isEmpty() && ScoringEngine.ruleKeys(model).isEmpty() ? new String[0]
                : breakdown.split(",", -1);
        List<BigDecimal> values = new ArrayList<>(stored.length);
        List<BigDecimal> subScores = new ArrayList<>(stored.length);
        for (String rule : stored) {
            int colon = rule.indexOf(':');
            values.add(colon < 0 ? null : new BigDecimal(rule.substring(0, colon)));
            subScores.add(colon < 0 ? null : new BigDecimal(rule.substring(colon + 1)));
        }
        List<ScorecardView.RuleLine> rules = new ArrayList<>(stored.length);
        YearMonth month = YearMonth.from(rs.getObject("month", LocalDate.class));
        LocalDate first = rs.getObject("first_month", LocalDate.class);
        int historyMonths = first == null ? Integer.MAX_VALUE
                : MonthIndex.of(month) - MonthIndex.of(YearMonth.from(first)) + 1;
        for (RuleResult rule : ScoringEngine.rules(model, values, subScores,
                rs.getObject("staff_poll_closed_on", LocalDate.class), historyMonths)) {
            var explanation = rule.explanation();
            rules.add(new ScorecardView.RuleLine(rule.ruleKey(), rule.category().fieldName(), rule.value(),
                    rule.subScore(), rule.weight(), rule.points(),
                    new ScorecardView.Reason(explanation.code(), explanation.args(), null), null));
        }
        return rules;
    }
}
