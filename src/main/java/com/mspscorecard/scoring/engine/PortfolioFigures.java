package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One client's weight in the portfolio over three months (summed by {@code scoring.internal.MonthlyPortfolios},
 * the one place that computes a month's portfolio): revenue (a client without revenue
 * data counts as 0), and effort as hours spent or, where hours are missing, new tickets.
 *
 * @param hours      null when no month in the window has hours
 * @param newTickets null when no month in the window has new tickets
 */
public record PortfolioFigures(BigDecimal revenue, BigDecimal hours, BigDecimal newTickets) {

    public PortfolioFigures {
        Objects.requireNonNull(revenue, "revenue");
    }
}
