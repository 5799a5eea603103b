package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How one rule is tuned in a scoring model. {@code good} may lie above {@code bad} (gross
 * margin: higher is better) or below it (late payments: lower is better).
 */
public record RuleSettings(String key, Category category, BigDecimal good, BigDecimal bad,
                           int weight, int windowMonths, boolean enabled) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal FULL = new BigDecimal("100.0");
    private static final BigDecimal NONE = new BigDecimal("0.0");

    public RuleSettings {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a rule needs a key");
        }
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(good, "good");
        Objects.requireNonNull(bad, "bad");
        if (weight < 0) {
            throw new IllegalArgumentException(key + ": weight is negative: " + weight);
        }
        if (windowMonths < 1) {
            throw new IllegalArgumentException(key + ": window must be at least one month: " + windowMonths);
        }
    }

    /**
     * The sub-score 0–100 for a measured value, to one decimal: at or better than {@code good}
     * → 100, at or worse than {@code bad} → 0, linear in between.
     */
    public BigDecimal subScore(BigDecimal value) {
        int direction = bad.compareTo(good);
        if (direction == 0) {
            return value.compareTo(good) <= 0 ? FULL : NONE;
        }
        // 100 × (bad − value) ÷ (bad − good) holds for both directions; clamping does the rest.
        BigDecimal raw = bad.subtract(value).multiply(HUNDRED).divide(bad.subtract(good), 10, RoundingMode.HALF_UP);
        if (raw.signum() <= 0) {
            return NONE;
        }
        if (raw.compareTo(HUNDRED) >= 0) {
            return FULL;
        }
        return raw.setScale(1, RoundingMode.HALF_UP);
    }

    public RuleSettings withEnabled(boolean enabled) {
        return new RuleSettings(key, category, good, bad, weight, windowMonths, enabled);
    }

    public RuleSettings withThresholds(BigDecimal good, BigDecimal bad) {
        return new RuleSettings(key, category, good, bad, weight, windowMonths, enabled);
    }

    public RuleSettings withWeight(int weight) {
        return new RuleSettings(key, category, good, bad, weight, windowMonths, enabled);
    }
}
