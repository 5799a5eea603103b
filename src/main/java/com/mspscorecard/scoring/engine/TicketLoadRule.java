package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

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
    public Optional<Measurement> measure(ClientHistory history, YearMonth month, int windowMonths) {
        Window window = Window.of(history, month, windowMonths);
        BigDecimal rate = window.perEndpointPerMonth(Metric.NEW_TICKETS);
        if (rate == null) {
            return Optional.empty();
        }
        return Optional.of(new Measurement(rate,
                quantity().format(rate) + " new tickets per endpoint per month " + window.overTheLast()));
    }
}
