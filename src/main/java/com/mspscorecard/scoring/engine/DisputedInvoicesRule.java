package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** Disputed invoices ÷ invoices issued; fewer is better. */
final class DisputedInvoicesRule implements Rule {

    @Override
    public String key() {
        return "disputed_invoices";
    }

    @Override
    public Category category() {
        return Category.PAYMENT;
    }

    @Override
    public Quantity quantity() {
        return Quantity.FRACTION;
    }

    @Override
    public String subject() {
        return "disputed invoices";
    }

    @Override
    public BigDecimal value(ClientHistory history, YearMonth month, int windowMonths) {
        return Window.of(history, month, windowMonths).ratio(Metric.DISPUTED_INVOICES, Metric.INVOICES_ISSUED);
    }

    @Override
    public String words(BigDecimal share, int windowMonths, LocalDate pollClosedOn) {
        return quantity().format(share) + " of invoices disputed " + Window.inTheLast(windowMonths);
    }
}
