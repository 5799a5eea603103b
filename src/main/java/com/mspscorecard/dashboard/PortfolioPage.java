package com.mspscorecard.dashboard;

import java.time.YearMonth;
import java.util.List;

import com.mspscorecard.scoring.PortfolioView;

/**
 * Everything the portfolio pages show for one month, computed once and shared by the dashboard,
 * the scored clients list and the Pareto page until a score or a client changes.
 *
 * @param activeClients all active clients, scored this month or not
 * @param months        months with scorecards, newest first (for the month selector)
 */
record PortfolioPage(PortfolioView view, MoneyWindow.Totals money, int activeClients, List<YearMonth> months,
                     DashboardSummary summary) {

    YearMonth month() {
        return view.month();
    }
}
