package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A scoring model resolved once for many scorecards: enabled rules and dealbreakers looked up by
 * key and each rule's thresholds already written out. Rescoring a portfolio builds thousands of
 * explanations with the same thresholds; writing them once per model halves the work.
 */
final class ScoringPlan {

    final ScoringModel model;
    final Rule[] rules;
    final RuleSettings[] settings;
    /** " (good: 0, bad: 3) → " for each rule. */
    final String[] thresholds;
    final Explanation[] noData;
    final String[] codes;
    final long enabledWeight;
    final Dealbreaker[] dealbreakers;
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
        thresholds = new String[enabled.size()];
        noData = new Explanation[enabled.size()];
        codes = new String[enabled.size()];
        long weight = 0;
        for (int i = 0; i < settings.length; i++) {
            rules[i] = Rules.byKey(settings[i].key()).orElseThrow();
            Quantity quantity = rules[i].quantity();
            thresholds[i] = " (good: " + quantity.formatThreshold(settings[i].good())
                    + ", bad: " + quantity.formatThreshold(settings[i].bad()) + ") → ";
            codes[i] = "rule." + settings[i].key();
            noData[i] = Explanation.of(codes[i] + ".no_data", rules[i].noDataWords(settings[i].windowMonths()),
                    settings[i].windowMonths());
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
        dealbreakers = new Dealbreaker[dealbreakerSettings.length];
        for (int i = 0; i < dealbreakers.length; i++) {
            dealbreakers[i] = Dealbreakers.byKey(dealbreakerSettings[i].key()).orElseThrow();
        }
    }

    /** The rule's sentence for a measured value, or its "no data" sentence when the value is null. */
    Explanation explain(int i, BigDecimal value, BigDecimal subScore, LocalDate pollClosedOn) {
        if (value == null || subScore == null) {
            return noData[i];
        }
        RuleSettings rule = settings[i];
        String text = rules[i].words(value, rule.windowMonths(), pollClosedOn) + thresholds[i]
                + subScore.toPlainString() + " of 100";
        return Explanation.of(codes[i], text, value, rule.windowMonths(), rule.good(), rule.bad(), subScore,
                pollClosedOn);
    }

    /**
     * The results of the enabled rules from their values and sub-scores (null = no data), in plan
     * order: points spread over the weight with data exactly as {@link ScoringEngine#score} does.
     */
    java.util.List<RuleResult> results(BigDecimal[] values, BigDecimal[] subScores, LocalDate pollClosedOn) {
        long dataWeight = 0;
        for (int i = 0; i < settings.length; i++) {
            if (subScores[i] != null) {
                dataWeight += settings[i].weight();
            }
        }
        java.util.List<RuleResult> results = new ArrayList<>(settings.length);
        for (int i = 0; i < settings.length; i++) {
            results.add(RuleResult.lazy(this, i, subScores[i] == null ? null : values[i], subScores[i],
                    points(i, subScores[i], dataWeight), isStaffVote(i) ? pollClosedOn : null));
        }
        return results;
    }

    BigDecimal points(int i, BigDecimal subScore, long dataWeight) {
        return subScore == null || dataWeight == 0 ? null
                : subScore.multiply(BigDecimal.valueOf(settings[i].weight()))
                        .divide(BigDecimal.valueOf(dataWeight), 2, RoundingMode.HALF_UP);
    }

    boolean isStaffVote(int i) {
        return rules[i] instanceof StaffVoteRule;
    }

    private static volatile ScoringPlan last;

    /** The plan of {@code model} without replacing the one a running rescore reuses. */
    static ScoringPlan peek(ScoringModel model) {
        ScoringPlan plan = last;
        return plan != null && plan.model == model ? plan : new ScoringPlan(model);
    }

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
