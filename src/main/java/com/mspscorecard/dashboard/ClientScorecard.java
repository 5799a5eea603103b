package com.mspscorecard.dashboard;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import com.mspscorecard.incidents.IncidentFacts;
import com.mspscorecard.scoring.ScorePoint;
import com.mspscorecard.scoring.ScorecardView;

/**
 * Everything the fragment {@code dashboard/scorecard :: scorecard} shows, as the model attribute
 * {@code scorecard} (the layout's {@code currency} attribute formats the money).
 *
 * @param card            the month's scorecard with its rule breakdown; null when the client has none that month
 * @param accountManager  display name, or null
 * @param months          months with a scorecard, newest first
 * @param pointsTotal     the sum of the breakdown's points (equals the score up to rounding)
 * @param increasePercent the suggested increase as a fraction of the current monthly revenue, or null
 * @param trend           up to 24 scores ending at the month, oldest first
 * @param metrics         up to 24 months of figures ending at the month, oldest first
 * @param incidents       red-flag incidents up to the end of the month, newest first
 * @param trendJson       chart data for {@code static/js/dashboard.js}
 * @param metricsJson     chart data for {@code static/js/dashboard.js}
 */
public record ClientScorecard(long clientId, String clientName, YearMonth month, ScorecardView card,
                              String accountManager, List<YearMonth> months, BigDecimal pointsTotal,
                              BigDecimal increasePercent, List<ScorePoint> trend, List<MetricMonth> metrics,
                              List<IncidentFacts> incidents, String trendJson, String metricsJson) {

    /**
     * One month of the figures behind the metric charts; null means no data.
     *
     * @param margin (revenue − delivery cost) ÷ revenue
     */
    public record MetricMonth(YearMonth month, BigDecimal newTickets, BigDecimal reopenedTickets,
                              BigDecimal avgDaysToPay, BigDecimal margin, BigDecimal recommendationsMade,
                              BigDecimal recommendationsImplemented, BigDecimal recommendationsIgnored) {
    }
}
