package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** Reopened tickets ÷ new tickets; fewer is better. */
final class ReopenedTicketsRule implements Rule {

    @Override
    public String key() {
        return "reopened_tickets";
    }

    @Override
    public Category category() {
        return Category.SERVICE_LOAD;
    }

    @Override
    public Quantity quantity() {
        return Quantity.FRACTION;
    }

    @Override
    public String subject() {
        return "reopened tickets";
    }

    @Override
    public BigDecimal value(ClientHistory history, YearMonth month, int windowMonths) {
        return Window.of(history, month, windowMonths).ratio(Metric.REOPENED_TICKETS, Metric.NEW_TICKETS);
    }

    @Override
    public String words(BigDecimal share, int windowMonths, LocalDate pollClosedOn) {
        return quantity().format(share) + " of tickets reopened " + Window.inTheLast(windowMonths);
    }
}
