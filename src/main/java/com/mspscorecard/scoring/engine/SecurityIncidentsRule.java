package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

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
    public Optional<Measurement> measure(ClientHistory history, YearMonth month, int windowMonths) {
        Window window = Window.of(history, month, windowMonths);
        BigDecimal sum = window.sum(Metric.SECURITY_INCIDENTS);
        if (sum == null) {
            return Optional.empty();
        }
        return Optional.of(new Measurement(sum,
                Words.count(sum, "security incident", "security incidents") + " " + window.inTheLast()));
    }
}
