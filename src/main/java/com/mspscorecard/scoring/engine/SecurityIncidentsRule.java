package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** Sum of security incidents; fewer is better. */
final class SecurityIncidentsRule implements Rule {

    @Override
    public String key() {
        return "security_incidents";
    }

    @Override
    public Category category() {
        return Category.SECURITY;
    }

    @Override
    public Quantity quantity() {
        return Quantity.COUNT;
    }

    @Override
    public String subject() {
        return "security incidents";
    }

    @Override
    public BigDecimal value(ClientHistory history, YearMonth month, int windowMonths) {
        return Window.of(history, month, windowMonths).sum(Metric.SECURITY_INCIDENTS);
    }

    @Override
    public String words(BigDecimal sum, int windowMonths, LocalDate pollClosedOn) {
        return Words.count(sum, "security incident", "security incidents") + " " + Window.inTheLast(windowMonths);
    }
}
