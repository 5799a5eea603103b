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
public final class MonthlyFigures {

    private static final Metric[] METRICS = Metric.values();

    private final YearMonth month;
    private final Map<Metric, BigDecimal> values;
    /** The same values by {@link Metric#ordinal()}: the engine reads them about 20 times a scorecard. */
    private final BigDecimal[] byMetric = new BigDecimal[METRICS.length];

    public MonthlyFigures(YearMonth month, Map<Metric, BigDecimal> values) {
        this.month = Objects.requireNonNull(month, "month");
        EnumMap<Metric, BigDecimal> copy = new EnumMap<>(Metric.class);
        if (values != null) {
            for (Map.Entry<Metric, BigDecimal> entry : values.entrySet()) {
                BigDecimal value = Objects.requireNonNull(entry.getValue(),
                        () -> "value of " + entry.getKey() + " in " + month);
                if (value.signum() < 0) {
                    throw new IllegalArgumentException(entry.getKey().fieldName() + " in " + month + " is negative: " + value);
                }
                Metric metric = Objects.requireNonNull(entry.getKey(), "metric");
                copy.put(metric, value);
                byMetric[metric.ordinal()] = value;
            }
        }
        this.values = Collections.unmodifiableMap(copy);
    }

    public YearMonth month() {
        return month;
    }

    public Map<Metric, BigDecimal> values() {
        return values;
    }

    public Optional<BigDecimal> get(Metric metric) {
        return Optional.ofNullable(byMetric[metric.ordinal()]);
    }

    /** The value or null; for the engine's inner loops, where an Optional per read adds up. */
    BigDecimal valueOrNull(Metric metric) {
        return byMetric[metric.ordinal()];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MonthlyFigures that && month.equals(that.month) && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(month, values);
    }

    @Override
    public String toString() {
        return "MonthlyFigures[month=" + month + ", values=" + values + "]";
    }
}
