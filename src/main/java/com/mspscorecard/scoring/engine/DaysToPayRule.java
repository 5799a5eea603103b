package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

/** Mean of the monthly average days to pay; sooner is better. */
final class DaysToPayRule implements Rule {

    @Override
    public String key() {
        return "days_to_pay";
    }

    @Override
    public Category category() {
        return Category.PAYMENT;
    }

    @Override
    public Quantity quantity() {
        return Quantity.DAYS;
    }

    @Override
    public String subject() {
        return "days to pay";
    }

    @Override
    public Optional<Measurement> measure(ClientHistory history, YearMonth month, int windowMonths) {
        Window window = Window.of(history, month, windowMonths);
        BigDecimal mean = window.mean(Metric.AVG_DAYS_TO_PAY);
        if (mean == null) {
            return Optional.empty();
        }
        return Optional.of(new Measurement(mean,
                "Paid in " + quantity().format(mean) + " days on average " + window.overTheLast()));
    }
}
