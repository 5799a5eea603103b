package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One version of the scoring model: how each rule and dealbreaker is tuned, the grade bands and
 * the settings the recommendation reads.
 *
 * @param minimumCompleteness share of the enabled weight that must have data for a grade (0–1)
 * @param worseningPoints     a score this many points below the one three months earlier is worsening
 * @param drainRevenueTopPercent a drain is outside this top percentage of clients by revenue …
 * @param drainEffortTopPercent  … and inside this top percentage by effort
 * @param targetMargin        the gross margin a suggested price reaches (0–1, below 1)
 * @param dependencyShare     share of portfolio revenue from which a client is a dependency risk
 */
public record ScoringModel(int version,
                           List<RuleSettings> rules,
                           List<DealbreakerSettings> dealbreakers,
                           GradeBands gradeBands,
                           BigDecimal minimumCompleteness,
                           BigDecimal worseningPoints,
                           int drainRevenueTopPercent,
                           int drainEffortTopPercent,
                           BigDecimal targetMargin,
                           BigDecimal dependencyShare) {

    public ScoringModel {
        rules = List.copyOf(rules);
        dealbreakers = List.copyOf(dealbreakers);
        Objects.requireNonNull(gradeBands, "gradeBands");
        Set<String> keys = new HashSet<>();
        for (RuleSettings rule : rules) {
            if (Rules.byKey(rule.key()).isEmpty()) {
                throw new IllegalArgumentException("unknown rule: " + rule.key());
            }
            if (!keys.add(rule.key())) {
                throw new IllegalArgumentException("rule listed twice: " + rule.key());
            }
        }
        keys.clear();
        for (DealbreakerSettings dealbreaker : dealbreakers) {
            if (Dealbreakers.byKey(dealbreaker.key()).isEmpty()) {
                throw new IllegalArgumentException("unknown dealbreaker: " + dealbreaker.key());
            }
            if (!keys.add(dealbreaker.key())) {
                throw new IllegalArgumentException("dealbreaker listed twice: " + dealbreaker.key());
            }
        }
        requireBetween("minimumCompleteness", minimumCompleteness, BigDecimal.ZERO, BigDecimal.ONE);
        requireBetween("dependencyShare", dependencyShare, BigDecimal.ZERO, BigDecimal.ONE);
        requireBetween("targetMargin", targetMargin, BigDecimal.ZERO, BigDecimal.ONE);
        if (targetMargin.compareTo(BigDecimal.ONE) == 0) {
            throw new IllegalArgumentException("targetMargin must be below 1");
        }
        if (Objects.requireNonNull(worseningPoints, "worseningPoints").signum() <= 0) {
            throw new IllegalArgumentException("worseningPoints must be positive: " + worseningPoints);
        }
        requirePercent("drainRevenueTopPercent", drainRevenueTopPercent);
        requirePercent("drainEffortTopPercent", drainEffortTopPercent);
    }

    /** Version 1, exactly as the product specification's tables. */
    public static ScoringModel defaults() {
        List<RuleSettings> rules = List.of(
                rule("late_payments", Category.PAYMENT, "0", "3", 15, 6),
                rule("days_to_pay", Category.PAYMENT, "30", "60", 10, 3),
                rule("disputed_invoices", Category.PAYMENT, "0", "0.20", 10, 6),
                rule("ticket_load", Category.SERVICE_LOAD, "0.5", "2.0", 10, 3),
                rule("reopened_tickets", Category.SERVICE_LOAD, "0.05", "0.25", 5, 3),
                rule("admin_requests", Category.SERVICE_LOAD, "0.2", "1.0", 5, 3),
                rule("escalations", Category.RELATIONSHIP, "0", "2", 10, 3),
                rule("ignored_recommendations", Category.RELATIONSHIP, "0.10", "0.60", 10, 12),
                rule("red_flag_incidents", Category.RELATIONSHIP, "0", "3", 5, 12),
                rule("staff_vote", Category.RELATIONSHIP, "0", "0.15", 5, 15),
                rule("security_incidents", Category.SECURITY, "0", "3", 10, 6),
                rule("gross_margin", Category.PROFITABILITY, "0.60", "0.20", 15, 3));
        List<DealbreakerSettings> dealbreakers = new ArrayList<>();
        for (Dealbreaker dealbreaker : Dealbreakers.all()) {
            dealbreakers.add(dealbreaker.defaultSettings());
        }
        return new ScoringModel(1, rules, dealbreakers, GradeBands.defaults(),
                new BigDecimal("0.5"), BigDecimal.TEN, 20, 20, new BigDecimal("0.50"), new BigDecimal("0.15"));
    }

    public Optional<RuleSettings> rule(String key) {
        for (RuleSettings rule : rules) {
            if (rule.key().equals(key)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    public Optional<DealbreakerSettings> dealbreaker(String key) {
        for (DealbreakerSettings dealbreaker : dealbreakers) {
            if (dealbreaker.key().equals(key)) {
                return Optional.of(dealbreaker);
            }
        }
        return Optional.empty();
    }

    /** A copy with one rule's settings replaced; for drafts and tests. */
    public ScoringModel withRule(RuleSettings replacement) {
        List<RuleSettings> copy = new ArrayList<>(rules);
        copy.replaceAll(rule -> rule.key().equals(replacement.key()) ? replacement : rule);
        return new ScoringModel(version, copy, dealbreakers, gradeBands, minimumCompleteness, worseningPoints,
                drainRevenueTopPercent, drainEffortTopPercent, targetMargin, dependencyShare);
    }

    /** A copy with one dealbreaker's settings replaced; for drafts and tests. */
    public ScoringModel withDealbreaker(DealbreakerSettings replacement) {
        List<DealbreakerSettings> copy = new ArrayList<>(dealbreakers);
        copy.replaceAll(d -> d.key().equals(replacement.key()) ? replacement : d);
        return new ScoringModel(version, rules, copy, gradeBands, minimumCompleteness, worseningPoints,
                drainRevenueTopPercent, drainEffortTopPercent, targetMargin, dependencyShare);
    }

    private static RuleSettings rule(String key, Category category, String good, String bad, int weight, int window) {
        return new RuleSettings(key, category, new BigDecimal(good), new BigDecimal(bad), weight, window, true);
    }

    private static void requireBetween(String name, BigDecimal value, BigDecimal low, BigDecimal high) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(low) < 0 || value.compareTo(high) > 0) {
            throw new IllegalArgumentException(name + " must be between " + low + " and " + high + ": " + value);
        }
    }

    private static void requirePercent(String name, int value) {
        if (value < 1 || value > 100) {
            throw new IllegalArgumentException(name + " must be between 1 and 100: " + value);
        }
    }
}
