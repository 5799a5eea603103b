package com.mspscorecard.scoring.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every rule the engine knows, in the order scorecards list them. */
public final class Rules {

    private static final List<Rule> ALL = List.of(
            new LatePaymentsRule(),
            new DaysToPayRule(),
            new DisputedInvoicesRule(),
            new TicketLoadRule(),
            new ReopenedTicketsRule(),
            new AdminRequestsRule(),
            new EscalationsRule(),
            new IgnoredRecommendationsRule(),
            new RedFlagIncidentsRule(),
            new StaffVoteRule(),
            new SecurityIncidentsRule(),
            new GrossMarginRule());

    private static final Map<String, Rule> BY_KEY = new LinkedHashMap<>();

    static {
        for (Rule rule : ALL) {
            BY_KEY.put(rule.key(), rule);
        }
    }

    private Rules() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }
}
