package com.mspscorecard.scoring;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A client's stored scorecard for one month under one model version, as pages and the API show it.
 * Its sentences are codes and arguments as stored; {@link ScorecardSentences#in} writes them in a
 * language (until then each {@code text} is null).
 *
 * @param grade          A–F, or null with insufficient data
 * @param categoryScores payment, service_load, relationship, security, profitability → score; a
 *                       category without data maps to null (all five keys are present)
 * @param recommendation OFFBOARD, INSUFFICIENT_DATA, CONSIDER_OFFBOARDING, RAISE_PRICE, WATCH or KEEP
 * @param dealbreakers   the dealbreakers that hold, each with its sentence (also among the reasons)
 * @param rules          the rule-by-rule breakdown; empty in portfolio lists
 * @param revenueShare   the client's share of portfolio revenue over 3 months when scored; null outside the portfolio
 */
public record ScorecardView(long clientId, String clientName, Long accountManagerId, YearMonth month,
                            int modelVersion, BigDecimal score, String grade, Map<String, BigDecimal> categoryScores,
                            BigDecimal dataCompleteness, String recommendation, List<Reason> reasons,
                            List<Reason> dealbreakers, boolean worsening, BigDecimal scoreChange3m, boolean drain,
                            boolean dependencyRisk, BigDecimal suggestedMonthlyPrice, BigDecimal currentMonthlyRevenue,
                            BigDecimal revenueShare, List<RuleLine> rules) {

    /**
     * A sentence: its code ({@code explanation.<code>} in the scoring bundle), its arguments, and
     * its text in the language asked for (null until written).
     */
    public record Reason(String code, List<String> args, String text) {

        static final String DEALBREAKER = "dealbreaker.";

        public Reason {
            args = List.copyOf(args);
        }

        /** The last part of the code: a dealbreaker's key, e.g. {@code abusive_treatment}. */
        public String key() {
            return code.substring(code.lastIndexOf('.') + 1);
        }

        boolean isDealbreaker() {
            return code.startsWith(DEALBREAKER);
        }

        Reason withText(String text) {
            return new Reason(code, args, text);
        }
    }

    /**
     * One rule's part in the score.
     *
     * @param value       the measured value (fractions as 0–1); null without data
     * @param points      weight × sub-score ÷ weight with data; the points add up to the score
     * @param explanation the rule's sentence
     * @param valueText   the value as its sentence writes it (same rounding), in the language asked for; null
     *                    until written or without data
     */
    public record RuleLine(String rule, String category, BigDecimal value, BigDecimal subScore, int weight,
                           BigDecimal points, Reason explanation, String valueText) {
    }

    /** The increase a suggested price means, in money; null without a suggestion. */
    public BigDecimal suggestedIncrease() {
        return suggestedMonthlyPrice == null || currentMonthlyRevenue == null ? null
                : suggestedMonthlyPrice.subtract(currentMonthlyRevenue);
    }
}
