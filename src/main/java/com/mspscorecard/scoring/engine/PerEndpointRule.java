package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A service-load rule that normalises a monthly count by the endpoints under management, so a
 * big client is not punished for being big; fewer per endpoint is better.
 */
abstract class PerEndpointRule implements Rule {

    private final String key;

    private final Metric metric;

    private final String noun;

    /** @param noun what is counted, in the plural: "new tickets" */
    PerEndpointRule(String key, Metric metric, String noun) {
        this.key = key;
        this.metric = metric;
        this.noun = noun;
    }

    @Override
    public final String key() {
        return key;
    }

    @Override
    public final Category category() {
        return Category.SERVICE_LOAD;
    }

    @Override
    public final Quantity quantity() {
        return Quantity.RATE;
    }

    @Override
    public final String subject() {
        return noun + " per endpoint";
    }

    @Override
    public final BigDecimal value(ClientHistory history, YearMonth month, int windowMonths) {
        return Window.of(history, month, windowMonths).perEndpointPerMonth(metric);
    }

    @Override
    public final String words(BigDecimal rate, int windowMonths, LocalDate pollClosedOn) {
        return quantity().format(rate) + " " + noun + " per endpoint per month " + Window.overTheLast(windowMonths);
    }
}
