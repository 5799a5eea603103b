package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

/** Sum of late payments; fewer is better. */
final class LatePaymentsRule implements Rule {

    static final String KEY = "late_payments";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Category category() {
        return Category.PAYMENT;
    }

    @Override
    public Quantity quantity() {
        return Quantity.COUNT;
    }

    @Override
    public String subject() {
        return "late payments";
    }

    @Override
    public Optional<Measurement> measure(ClientHistory history, YearMonth month, int windowMonths) {
        Window window = Window.of(history, month, windowMonths);
        BigDecimal sum = window.sum(Metric.LATE_PAYMENTS);
        if (sum == null) {
            return Optional.empty();
        }
        return Optional.of(new Measurement(sum,
                Words.count(sum, "late payment", "late payments") + " " + window.inTheLast()));
    }
}
