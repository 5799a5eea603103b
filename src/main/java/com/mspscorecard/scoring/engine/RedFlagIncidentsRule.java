package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

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
    public Optional<Measurement> measure(ClientHistory history, YearMonth month, int windowMonths) {
        Window window = Window.of(history, month, windowMonths);
        int count = window.incidents(category -> true);
        return Optional.of(new Measurement(BigDecimal.valueOf(count),
                Words.count(count, "red-flag incident", "red-flag incidents") + " logged " + window.inTheLast()));
    }
}
