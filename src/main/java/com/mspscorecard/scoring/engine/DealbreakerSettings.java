package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** How one dealbreaker is tuned: on or off, and its typed thresholds. */
public record DealbreakerSettings(String key, boolean enabled, Thresholds thresholds) {

    public DealbreakerSettings {
        Dealbreaker<?> dealbreaker = dealbreaker(key);
        Objects.requireNonNull(thresholds, "thresholds");
        if (dealbreaker.defaults().getClass() != thresholds.getClass()) {
            throw new IllegalArgumentException(key + " does not take " + thresholds);
        }
    }

    /** Settings from thresholds by name, as the stored model and the editor hold them. */
    public static DealbreakerSettings of(String key, boolean enabled, Map<String, BigDecimal> byName) {
        return new DealbreakerSettings(key, enabled, dealbreaker(key).thresholds(byName));
    }

    /** The dealbreaker's default settings, switched on. */
    public static DealbreakerSettings defaults(Dealbreaker<?> dealbreaker) {
        return new DealbreakerSettings(dealbreaker.key(), true, dealbreaker.defaults());
    }

    public DealbreakerSettings withEnabled(boolean enabled) {
        return new DealbreakerSettings(key, enabled, thresholds);
    }

    /** A copy with one threshold, by name, replaced; for drafts and tests. */
    public DealbreakerSettings withThreshold(String name, BigDecimal value) {
        TreeMap<String, BigDecimal> copy = new TreeMap<>(thresholds.byName());
        if (!copy.containsKey(name)) {
            throw new IllegalArgumentException("dealbreaker " + key + " has no threshold " + name);
        }
        copy.put(name, value);
        return of(key, enabled, copy);
    }

    private static Dealbreaker<?> dealbreaker(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a dealbreaker needs a key");
        }
        return Dealbreakers.byKey(key).orElseThrow(() -> new IllegalArgumentException("unknown dealbreaker: " + key));
    }
}
