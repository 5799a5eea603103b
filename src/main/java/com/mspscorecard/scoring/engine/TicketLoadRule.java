package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** New tickets per endpoint per month; fewer is better. */
final class TicketLoadRule implements Rule {

    @Override
    public String key() {
        return "ticket_load";
    }

    @Override
    public Category category() {
        return Category.SERVICE_LOAD;
    }

    @Override
    public Quantity quantity() {
        return Quantity.RATE;
    }

    @Override
    public String subject() {
        return "new tickets per endpoint";
    }

    @Override
    public BigDecimal value(ClientHistory history, YearMonth month, int windowMonths) {
        return Window.of(history, month, windowMonths).perEndpointPerMonth(Metric.NEW_TICKETS);
    }

    @Override
    public String words(BigDecimal rate, int windowMonths, LocalDate pollClosedOn) {
        return quantity().format(rate) + " new tickets per endpoint per month " + Window.overTheLast(windowMonths);
    }
}
