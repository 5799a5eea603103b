package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Where one client stands in the portfolio for a month.
 *
 * @param revenueShare share of portfolio revenue over three months (0–1)
 * @param effortShare  share of hours among clients with hours, or of new tickets among clients
 *                     with tickets when the client has no hours; null without either
 * @param revenueRank  1 for the client bringing the most revenue
 * @param effortRank   1 for the client causing the most effort; null without effort data
 * @param clientCount  number of clients in the portfolio
 */
public record PortfolioPosition(BigDecimal revenueShare, BigDecimal effortShare,
                                int revenueRank, Integer effortRank, int clientCount) {

    public PortfolioPosition {
        Objects.requireNonNull(revenueShare, "revenueShare");
        if (clientCount < 1 || revenueRank < 1 || revenueRank > clientCount) {
            throw new IllegalArgumentException("rank " + revenueRank + " of " + clientCount);
        }
        if ((effortShare == null) != (effortRank == null)) {
            throw new IllegalArgumentException("effort share and effort rank go together");
        }
    }

    /** How many clients make the top {@code percent}: ceil(percent × n ÷ 100). */
    public static int topCount(int clientCount, int percent) {
        return (clientCount * percent + 99) / 100;
    }

    public boolean isTopByRevenue(int percent) {
        return revenueRank <= topCount(clientCount, percent);
    }

    public boolean isTopByEffort(int percent) {
        return effortRank != null && effortRank <= topCount(clientCount, percent);
    }

    /** Outside the top by revenue and inside the top by effort. */
    public boolean isDrain(int revenueTopPercent, int effortTopPercent) {
        return !isTopByRevenue(revenueTopPercent) && isTopByEffort(effortTopPercent);
    }

    public boolean isDependencyRisk(BigDecimal dependencyShare) {
        return revenueShare.compareTo(dependencyShare) >= 0;
    }
}
