package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One client's weight in the portfolio over three months: revenue (a client without revenue
 * data counts as 0), and effort as hours spent or, where hours are missing, new tickets.
 *
 * @param hours      null when no month in the window has hours
 * @param newTickets null when no month in the window has new tickets
 */
public record PortfolioFigures(BigDecimal revenue, BigDecimal hours, BigDecimal newTickets) {

    public PortfolioFigures {
        Objects.requireNonNull(revenue, "revenue");
    }

    /** Sums over the three months ending at {@code month}. */
    public static PortfolioFigures of(ClientHistory history, YearMonth month) {
        Window window = Window.of(history, month, ScoringEngine.THREE_MONTHS);
        BigDecimal revenue = window.sum(Metric.REVENUE);
        return new PortfolioFigures(revenue == null ? BigDecimal.ZERO : revenue,
                window.sum(Metric.HOURS_SPENT), window.sum(Metric.NEW_TICKETS));
    }
}
