package com.mspscorecard.scoring.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every dealbreaker the engine knows, in the order scorecards list them. */
public final class Dealbreakers {

    private static final List<Dealbreaker> ALL = List.of(
            new AbusiveTreatmentDealbreaker(),
            new RecurringLatePaymentsDealbreaker(),
            new RepeatedSecurityAlarmsDealbreaker(),
            new DisrespectDealbreaker());

    private static final Map<String, Dealbreaker> BY_KEY = new LinkedHashMap<>();

    static {
        for (Dealbreaker dealbreaker : ALL) {
            BY_KEY.put(dealbreaker.key(), dealbreaker);
        }
    }

    private Dealbreakers() {
    }

    public static List<Dealbreaker> all() {
        return ALL;
    }

    public static Optional<Dealbreaker> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }
}
