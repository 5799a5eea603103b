package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's metrics for one calendar month. A metric without a key has no data; it is never
 * read as zero.
 */
public record MonthlyFigures(YearMonth month, Map<Metric, BigDecimal> values) {

    public MonthlyFigures {
        Objects.requireNonNull(month, "month");
        EnumMap<Metric, BigDecimal> copy = new EnumMap<>(Metric.class);
        if (values != null) {
            for (Map.Entry<Metric, BigDecimal> entry : values.entrySet()) {
                BigDecimal value = Objects.requireNonNull(entry.getValue(),
                        () -> "value of " + entry.getKey() + " in " + month);
                if (value.signum() < 0) {
                    throw new IllegalArgumentException(entry.getKey().fieldName() + " in " + month + " is negative: " + value);
                }
                copy.put(Objects.requireNonNull(entry.getKey(), "metric"), value);
            }
        }
        values = Collections.unmodifiableMap(copy);
    }

    public Optional<BigDecimal> get(Metric metric) {
        return Optional.ofNullable(values.get(metric));
    }

    /** The value or null; for the engine's inner loops, where an Optional per read adds up. */
    BigDecimal valueOrNull(Metric metric) {
        return values.get(metric);
    }
}
