package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A scoring model resolved once for many scorecards: its enabled rules and dealbreakers looked up
 * by key. A full rescore scores 120,000 client-months under one model; looking them up per
 * scorecard showed in its profile.
 */
final class ScoringPlan {

    final ScoringModel model;
    final Rule[] rules;
    final RuleSettings[] settings;
    final long enabledWeight;
    final Dealbreaker<?>[] dealbreakers;
    final DealbreakerSettings[] dealbreakerSettings;

    private ScoringPlan(ScoringModel model) {
        this.model = model;
        List<RuleSettings> enabled = new ArrayList<>();
        for (RuleSettings rule : model.rules()) {
            if (rule.enabled()) {
                enabled.add(rule);
            }
        }
        rules = new Rule[enabled.size()];
        settings = enabled.toArray(new RuleSettings[0]);
        long weight = 0;
        for (int i = 0; i < settings.length; i++) {
            rules[i] = Rules.byKey(settings[i].key()).orElseThrow();
            weight += settings[i].weight();
        }
        enabledWeight = weight;
        List<DealbreakerSettings> on = new ArrayList<>();
        for (DealbreakerSettings dealbreaker : model.dealbreakers()) {
            if (dealbreaker.enabled()) {
                on.add(dealbreaker);
            }
        }
        dealbreakerSettings = on.toArray(new DealbreakerSettings[0]);
        dealbreakers = new Dealbreaker<?>[dealbreakerSettings.length];
        for (int i = 0; i < dealbreakers.length; i++) {
            dealbreakers[i] = Dealbreakers.byKey(dealbreakerSettings[i].key()).orElseThrow();
        }
    }

    /**
     * The results of the enabled rules from their values and sub-scores (null = no data), in plan
     * order: points spread over the weight with data exactly as {@link ScoringEngine#score} does.
     */
    List<RuleResult> results(BigDecimal[] values, BigDecimal[] subScores, LocalDate pollClosedOn, int historyMonths) {
        long dataWeight = 0;
        for (int i = 0; i < settings.length; i++) {
            if (subScores[i] != null) {
                dataWeight += settings[i].weight();
            }
        }
        List<RuleResult> results = new ArrayList<>(settings.length);
        for (int i = 0; i < settings.length; i++) {
            results.add(new RuleResult(rules[i], settings[i], subScores[i] == null ? null : values[i], subScores[i],
                    points(i, subScores[i], dataWeight), rules[i].measuresStaffPoll() ? pollClosedOn : null,
                    historyMonths));
        }
        return results;
    }

    /** sub-score × weight ÷ weight with data, to two decimals rounded half up, counted in whole hundredths. */
    private BigDecimal points(int i, BigDecimal subScore, long dataWeight) {
        if (subScore == null || dataWeight == 0) {
            return null;
        }
        long numerator = ScoringEngine.tenths(subScore) * settings[i].weight() * 10;
        return BigDecimal.valueOf((2 * numerator + dataWeight) / (2 * dataWeight), 2);
    }

    private static volatile ScoringPlan last;

    /** The plan of {@code model}, reused while callers keep passing the same model instance. */
    static ScoringPlan of(ScoringModel model) {
        ScoringPlan plan = last;
        if (plan == null || plan.model != model) {
            plan = new ScoringPlan(model);
            last = plan;
        }
        return plan;
    }
}
