package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

/** Abusive treatment of staff: shouting, offensive language, furious messages out of hours. */
final class AbusiveTreatmentDealbreaker implements Dealbreaker {

    static final String KEY = "abusive_treatment";
    static final String MIN_INCIDENTS = "min_incidents";
    static final String WINDOW_MONTHS = "window_months";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public DealbreakerSettings defaultSettings() {
        return new DealbreakerSettings(KEY, true, Map.of(
                MIN_INCIDENTS, BigDecimal.ONE,
                WINDOW_MONTHS, BigDecimal.valueOf(12)));
    }

    @Override
    public Optional<Explanation> check(ClientHistory history, YearMonth month, DealbreakerSettings settings) {
        Window window = Window.of(history, month, settings.count(WINDOW_MONTHS));
        int count = window.incidents(category -> category == IncidentCategory.ABUSIVE_TREATMENT);
        if (count < settings.count(MIN_INCIDENTS)) {
            return Optional.empty();
        }
        return Optional.of(Explanation.of("dealbreaker." + KEY,
                Words.count(count, "incident", "incidents") + " of abusive treatment of staff " + window.inTheLast(),
                count, settings.count(WINDOW_MONTHS)));
    }
}
