package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** Red-flag incidents of any category logged in the window; always has data (none logged = 0). */
final class RedFlagIncidentsRule implements Rule {

    @Override
    public String key() {
        return "red_flag_incidents";
    }

    @Override
    public Category category() {
        return Category.RELATIONSHIP;
    }

    @Override
    public Quantity quantity() {
        return Quantity.COUNT;
    }

    @Override
    public String subject() {
        return "red-flag incidents";
    }

    @Override
    public BigDecimal value(ClientHistory history, YearMonth month, int windowMonths) {
        return BigDecimal.valueOf(Window.of(history, month, windowMonths).incidents(category -> true));
    }

    @Override
    public String words(BigDecimal count, int windowMonths, LocalDate pollClosedOn) {
        return Words.count(count, "red-flag incident", "red-flag incidents") + " logged "
                + Window.inTheLast(windowMonths);
    }
}
