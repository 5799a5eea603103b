package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** Administrative requests per endpoint per month; fewer is better. */
final class AdminRequestsRule implements Rule {

    @Override
    public String key() {
        return "admin_requests";
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
        return "admin requests per endpoint";
    }

    @Override
    public BigDecimal value(ClientHistory history, YearMonth month, int windowMonths) {
        return Window.of(history, month, windowMonths).perEndpointPerMonth(Metric.ADMIN_REQUESTS);
    }

    @Override
    public String words(BigDecimal rate, int windowMonths, LocalDate pollClosedOn) {
        return quantity().format(rate) + " admin requests per endpoint per month " + Window.overTheLast(windowMonths);
    }
}
