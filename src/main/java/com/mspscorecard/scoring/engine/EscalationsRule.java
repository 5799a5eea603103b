package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

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
    public Optional<Measurement> measure(ClientHistory history, YearMonth month, int windowMonths) {
        Window window = Window.of(history, month, windowMonths);
        BigDecimal mean = window.mean(Metric.ESCALATIONS);
        if (mean == null) {
            return Optional.empty();
        }
        return Optional.of(new Measurement(mean,
                quantity().format(mean) + " escalations per month on average " + window.overTheLast()));
    }
}
