package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

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
    public Optional<Measurement> measure(ClientHistory history, YearMonth month, int windowMonths) {
        Window window = Window.of(history, month, windowMonths);
        BigDecimal share = window.ratio(Metric.REOPENED_TICKETS, Metric.NEW_TICKETS);
        if (share == null) {
            return Optional.empty();
        }
        return Optional.of(new Measurement(share,
                quantity().format(share) + " of tickets reopened " + window.inTheLast()));
    }
}
