package com.mspscorecard.scoring;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Every active client's scorecard for a month and the portfolio's Pareto numbers: what the
 * dashboard, the clients list and the Pareto page need, read in one go.
 *
 * @param scorecards active clients with a scorecard this month, by name
 */
public record PortfolioView(YearMonth month, int modelVersion, List<ScorecardView> scorecards, Pareto pareto) {

    /**
     * How concentrated revenue and effort are over the 3 months ending at the month.
     *
     * @param revenueShareOfTop20 share of revenue brought by the top 20% of clients (rounded up), 0–1
     * @param effortShareOfTop20  share of effort caused by the top 20% of clients by effort, 0–1
     * @param revenueCurve        clients by revenue, biggest first
     * @param effortCurve         clients with effort data by effort, biggest first
     * @param scatter             each client's revenue share against its effort share; drains flagged
     */
    public record Pareto(int clientCount, BigDecimal revenueShareOfTop20, BigDecimal effortShareOfTop20,
                         List<CurvePoint> revenueCurve, List<CurvePoint> effortCurve, List<ScatterPoint> scatter) {

        static Pareto empty() {
            return new Pareto(0, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), List.of(), List.of());
        }
    }

    /** After {@code rank} clients ({@code clientShare} of all clients) comes {@code cumulativeShare}. */
    public record CurvePoint(long clientId, String clientName, int rank, BigDecimal clientShare, BigDecimal share,
                             BigDecimal cumulativeShare) {
    }

    /** @param effortShare null when the client has neither hours nor tickets */
    public record ScatterPoint(long clientId, String clientName, BigDecimal revenueShare, BigDecimal effortShare,
                               boolean drain, boolean dependencyRisk) {
    }

    /** Number of scorecards with each grade (A–F, and "none" for insufficient data). */
    public java.util.Map<String, Long> gradeCounts() {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String grade : List.of("A", "B", "C", "D", "F", "none")) {
            counts.put(grade, 0L);
        }
        for (ScorecardView card : scorecards) {
            counts.merge(card.grade() == null ? "none" : card.grade(), 1L, Long::sum);
        }
        return counts;
    }
}
