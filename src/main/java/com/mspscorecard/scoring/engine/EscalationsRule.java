package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** Mean management escalations per month; fewer is better. */
final class EscalationsRule implements Rule {

    @Override
    public String key() {
        return "escalations";
    }

    @Override
    public Category category() {
        return Category.RELATIONSHIP;
    }

    @Override
    public Quantity quantity() {
        return Quantity.RATE;
    }

    @Override
    public String subject() {
        return "escalations";
    }

    @Override
    public BigDecimal value(ClientHistory history, YearMonth month, int windowMonths) {
        return Window.of(history, month, windowMonths).mean(Metric.ESCALATIONS);
    }

    @Override
    public String words(BigDecimal mean, int windowMonths, LocalDate pollClosedOn) {
        return quantity().format(mean) + " escalations per month on average " + Window.overTheLast(windowMonths);
    }
}
