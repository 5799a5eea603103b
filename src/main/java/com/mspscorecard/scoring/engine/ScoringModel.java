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

    /** Version 1, exactly as the product specification's tables: the defaults in {@link Rules} and {@link Dealbreakers}. */
    public static ScoringModel defaults() {
        List<RuleSettings> rules = new ArrayList<>();
        for (Rule rule : Rules.all()) {
            rules.add(rule.defaults());
        }
        List<DealbreakerSettings> dealbreakers = new ArrayList<>();
        for (Dealbreaker<?> dealbreaker : Dealbreakers.all()) {
            dealbreakers.add(DealbreakerSettings.defaults(dealbreaker));
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
