package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

/** (Revenue − delivery cost) ÷ revenue; higher is better, so its good threshold is above its bad one. */
final class GrossMarginRule implements Rule {

    @Override
    public String key() {
        return "gross_margin";
    }

    @Override
    public Category category() {
        return Category.PROFITABILITY;
    }

    @Override
    public Quantity quantity() {
        return Quantity.FRACTION;
    }

    @Override
    public String subject() {
        return "gross margin";
    }

    @Override
    public Optional<Measurement> measure(ClientHistory history, YearMonth month, int windowMonths) {
        Window window = Window.of(history, month, windowMonths);
        BigDecimal margin = window.grossMargin();
        if (margin == null) {
            return Optional.empty();
        }
        return Optional.of(new Measurement(margin,
                "Gross margin " + quantity().format(margin) + " " + window.overTheLast()));
    }
}
