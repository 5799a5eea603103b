package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

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
    public BigDecimal value(ClientHistory history, YearMonth month, int windowMonths) {
        return Window.of(history, month, windowMonths).grossMargin();
    }

    @Override
    public String words(BigDecimal margin, int windowMonths, LocalDate pollClosedOn) {
        return "Gross margin " + quantity().format(margin) + " " + Window.overTheLast(windowMonths);
    }
}
