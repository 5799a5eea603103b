package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

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
    public BigDecimal value(ClientHistory history, YearMonth month, int windowMonths) {
        return Window.of(history, month, windowMonths).sum(Metric.LATE_PAYMENTS);
    }

    @Override
    public String words(BigDecimal sum, int windowMonths, LocalDate pollClosedOn) {
        return Words.count(sum, "late payment", "late payments") + " " + Window.inTheLast(windowMonths);
    }
}
