package com.mspscorecard.scoring.engine;

import static com.mspscorecard.scoring.engine.IncidentCategory.ABUSIVE_TREATMENT;
import static com.mspscorecard.scoring.engine.IncidentCategory.DISRESPECT_OF_EXPERTISE;
import static com.mspscorecard.scoring.engine.IncidentCategory.UNREASONABLE_DEMANDS;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every dealbreaker the engine knows, in the order scorecards list them, with its default
 * thresholds (the product specification, model version 1). Adding one is a line here plus its
 * sentence {@code explanation.dealbreaker.<key>} in {@code messages/scoring*.properties}.
 */
public final class Dealbreakers {

    private static final List<Dealbreaker<?>> ALL = List.of(
            new IncidentCountDealbreaker("abusive_treatment", Set.of(ABUSIVE_TREATMENT),
                    new Thresholds.IncidentCount(1, 12)),
            new RecurringLatePaymentsDealbreaker(new Thresholds.LatePayments(3, 1, 6)),
            new RepeatedSecurityAlarmsDealbreaker(new Thresholds.SecurityAlarms(3, 6, new BigDecimal("0.50"), 12)),
            new IncidentCountDealbreaker("disrespect", Set.of(DISRESPECT_OF_EXPERTISE, UNREASONABLE_DEMANDS),
                    new Thresholds.IncidentCount(2, 12)));

    private static final Map<String, Dealbreaker<?>> BY_KEY = new LinkedHashMap<>();

    static {
        for (Dealbreaker<?> dealbreaker : ALL) {
            BY_KEY.put(dealbreaker.key(), dealbreaker);
        }
    }

    private Dealbreakers() {
    }

    public static List<Dealbreaker<?>> all() {
        return ALL;
    }

    public static Optional<Dealbreaker<?>> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }
}
