package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.TreeMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one dealbreaker is tuned: on or off, and its named thresholds, e.g.
 * {@code min_late_payments} and {@code window_months} (kept in name order).
 */
public record DealbreakerSettings(String key, boolean enabled, Map<String, BigDecimal> thresholds) {

    public DealbreakerSettings {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a dealbreaker needs a key");
        }
        TreeMap<String, BigDecimal> copy = new TreeMap<>();
        if (thresholds != null) {
            thresholds.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "threshold name"),
                    Objects.requireNonNull(value, () -> key + "." + name)));
        }
        thresholds = Collections.unmodifiableMap(copy);
    }

    public BigDecimal threshold(String name) {
        BigDecimal value = thresholds.get(name);
        if (value == null) {
            throw new IllegalStateException("dealbreaker " + key + " has no threshold " + name);
        }
        return value;
    }

    /** A threshold that counts something: incidents, months. */
    public int count(String name) {
        return threshold(name).intValueExact();
    }

    public DealbreakerSettings withEnabled(boolean enabled) {
        return new DealbreakerSettings(key, enabled, thresholds);
    }

    public DealbreakerSettings withThreshold(String name, BigDecimal value) {
        TreeMap<String, BigDecimal> copy = new TreeMap<>(thresholds);
        copy.put(name, value);
        return new DealbreakerSettings(key, enabled, copy);
    }
}
