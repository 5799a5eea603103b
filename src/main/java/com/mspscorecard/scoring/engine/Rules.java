package com.mspscorecard.scoring.engine;

import static com.mspscorecard.scoring.engine.Category.PAYMENT;
import static com.mspscorecard.scoring.engine.Category.PROFITABILITY;
import static com.mspscorecard.scoring.engine.Category.RELATIONSHIP;
import static com.mspscorecard.scoring.engine.Category.SECURITY;
import static com.mspscorecard.scoring.engine.Category.SERVICE_LOAD;
import static com.mspscorecard.scoring.engine.Quantity.COUNT;
import static com.mspscorecard.scoring.engine.Quantity.DAYS;
import static com.mspscorecard.scoring.engine.Quantity.FRACTION;
import static com.mspscorecard.scoring.engine.Quantity.RATE;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mspscorecard.metrics.Metric;

/**
 * Every rule the engine knows, in the order scorecards list them, with its default tuning (the
 * product specification's table, model version 1). Adding a rule is a line here plus its two
 * sentences in {@code messages/scoring*.properties}.
 */
public final class Rules {

    private static final List<Rule> ALL = List.of(
            //      key                        category       quantity  good    bad    weight window  measure
            Rule.of("late_payments",           PAYMENT,       COUNT,    "0",    "3",    15,   6,  w -> w.sum(Metric.LATE_PAYMENTS)),
            Rule.of("days_to_pay",             PAYMENT,       DAYS,     "30",   "60",   10,   3,  w -> w.mean(Metric.AVG_DAYS_TO_PAY)),
            Rule.of("disputed_invoices",       PAYMENT,       FRACTION, "0",    "0.20", 10,   6,  w -> w.ratio(Metric.DISPUTED_INVOICES, Metric.INVOICES_ISSUED)),
            Rule.of("ticket_load",             SERVICE_LOAD,  RATE,     "0.5",  "2.0",  10,   3,  w -> w.perEndpointPerMonth(Metric.NEW_TICKETS)),
            Rule.of("reopened_tickets",        SERVICE_LOAD,  FRACTION, "0.05", "0.25",  5,   3,  w -> w.ratio(Metric.REOPENED_TICKETS, Metric.NEW_TICKETS)),
            Rule.of("admin_requests",          SERVICE_LOAD,  RATE,     "0.2",  "1.0",   5,   3,  w -> w.perEndpointPerMonth(Metric.ADMIN_REQUESTS)),
            Rule.of("escalations",             RELATIONSHIP,  RATE,     "0",    "2",    10,   3,  w -> w.mean(Metric.ESCALATIONS)),
            Rule.of("ignored_recommendations", RELATIONSHIP,  FRACTION, "0.10", "0.60", 10,  12,  Window::ignoredRecommendations),
            Rule.incidents("red_flag_incidents", RELATIONSHIP,          "0",    "3",     5,  12,  w -> BigDecimal.valueOf(w.incidents(category -> true))),
            Rule.staffPoll("staff_vote",       RELATIONSHIP,            "0",    "0.15",  5,  15),
            Rule.of("security_incidents",      SECURITY,      COUNT,    "0",    "3",    10,   6,  w -> w.sum(Metric.SECURITY_INCIDENTS)),
            Rule.of("gross_margin",            PROFITABILITY, FRACTION, "0.60", "0.20", 15,   3,  Window::grossMargin));

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
