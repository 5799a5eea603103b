package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a rule measured over its window: the value compared with the rule's thresholds and the
 * same in plain words ("2 late payments in the last 6 months").
 */
public record Measurement(BigDecimal value, String words) {

    public Measurement {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(words, "words");
    }
}
