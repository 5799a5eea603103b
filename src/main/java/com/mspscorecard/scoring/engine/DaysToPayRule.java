package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

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
    public BigDecimal value(ClientHistory history, YearMonth month, int windowMonths) {
        return Window.of(history, month, windowMonths).mean(Metric.AVG_DAYS_TO_PAY);
    }

    @Override
    public String words(BigDecimal mean, int windowMonths, LocalDate pollClosedOn) {
        return "Paid in " + quantity().format(mean) + " days on average " + Window.overTheLast(windowMonths);
    }
}
