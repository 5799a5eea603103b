package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

/** Disrespect for the MSP's expertise or unreasonable demands, more than once. */
final class DisrespectDealbreaker implements Dealbreaker {

    static final String KEY = "disrespect";
    static final String MIN_INCIDENTS = "min_incidents";
    static final String WINDOW_MONTHS = "window_months";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public DealbreakerSettings defaultSettings() {
        return new DealbreakerSettings(KEY, true, Map.of(
                MIN_INCIDENTS, BigDecimal.valueOf(2),
                WINDOW_MONTHS, BigDecimal.valueOf(12)));
    }

    @Override
    public Optional<Explanation> check(ClientHistory history, YearMonth month, DealbreakerSettings settings) {
        Window window = Window.of(history, month, settings.count(WINDOW_MONTHS));
        int count = window.incidents(category -> category == IncidentCategory.DISRESPECT_OF_EXPERTISE
                || category == IncidentCategory.UNREASONABLE_DEMANDS);
        if (count < settings.count(MIN_INCIDENTS)) {
            return Optional.empty();
        }
        return Optional.of(Explanation.of("dealbreaker." + KEY,
                Words.count(count, "incident", "incidents") + " of disrespect for our expertise or unreasonable demands "
                        + window.inTheLast(),
                count, settings.count(WINDOW_MONTHS)));
    }
}
