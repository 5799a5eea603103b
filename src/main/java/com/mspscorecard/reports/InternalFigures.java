package com.mspscorecard.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import com.mspscorecard.incidents.IncidentFacts;
import com.mspscorecard.scoring.ScorecardView;

/**
 * What only the internal version shows: the scorecard written in the report's language, its trend,
 * and the red-flag incidents of the window. Lists are cut to what one page holds; the count of what
 * was left out is printed ("and 4 more").
 *
 * @param card           the month's scorecard with its rule breakdown and sentences
 * @param reasons        the first reasons (dealbreakers are shown on their own)
 * @param moreReasons    how many reasons were left out
 * @param trend          up to a year of scores ending at the month, oldest first
 * @param incidents      the newest incidents of the window
 * @param moreIncidents  how many older ones were left out
 * @param incidentsFrom  the window's first day (12 months ending at the month; to today for the latest month)
 * @param suggestedPrice the suggested monthly price, formatted, or null
 */
record InternalFigures(ScorecardView card, List<ScorecardView.Reason> reasons, int moreReasons, List<TrendBar> trend,
                       List<IncidentFacts> incidents, int moreIncidents, LocalDate incidentsFrom,
                       LocalDate incidentsTo, String suggestedPrice, String currentPrice) {

    static final int MAX_REASONS = 6;
    static final int MAX_INCIDENTS = 6;

    /** A month's score as a bar, coloured by its grade. */
    record TrendBar(YearMonth month, BigDecimal score, String grade, String height) {
    }
}
