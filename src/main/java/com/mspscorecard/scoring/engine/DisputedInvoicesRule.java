package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

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
    public Optional<Measurement> measure(ClientHistory history, YearMonth month, int windowMonths) {
        Window window = Window.of(history, month, windowMonths);
        BigDecimal share = window.ratio(Metric.DISPUTED_INVOICES, Metric.INVOICES_ISSUED);
        if (share == null) {
            return Optional.empty();
        }
        return Optional.of(new Measurement(share,
                quantity().format(share) + " of invoices disputed " + window.inTheLast()));
    }
}
