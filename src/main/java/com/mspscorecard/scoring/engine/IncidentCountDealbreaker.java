package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Enough red-flag incidents of some categories in a window: abusive treatment of staff, or
 * disrespect for the MSP's expertise and unreasonable demands.
 */
record IncidentCountDealbreaker(String key, Set<IncidentCategory> categories, Thresholds.IncidentCount defaults)
        implements Dealbreaker<Thresholds.IncidentCount> {

    IncidentCountDealbreaker {
        Objects.requireNonNull(key, "key");
        categories = Set.copyOf(EnumSet.copyOf(categories));
        Objects.requireNonNull(defaults, "defaults");
    }

    @Override
    public Thresholds.IncidentCount thresholds(Map<String, BigDecimal> byName) {
        return Thresholds.IncidentCount.of(byName);
    }

    @Override
    public Optional<Explanation> check(ClientHistory history, YearMonth month, Thresholds.IncidentCount thresholds) {
        Window window = Window.of(history, month, thresholds.windowMonths());
        int count = window.incidents(categories::contains);
        if (count < thresholds.minIncidents()) {
            return Optional.empty();
        }
        return Optional.of(Explanation.of("dealbreaker." + key, Explanation.whole(count),
                Explanation.whole(window.length())));
    }
}
