package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's metrics for one calendar month. A metric without a value has no data; it is never
 * read as zero.
 *
 * <p>Values are held as unscaled whole numbers at the scale their metric is stored with
 * ({@link Metric.Kind#scale()}: 1250 is 12.50 days, 3 is three tickets), so that the engine's
 * windows add them as longs: a full rescore reads about 20 values a scorecard, and a
 * {@link BigDecimal} per value and per partial sum was a fifth of its garbage, and 120,000 months of
 * them the bulk of what the collector had to keep marking (measured in bench/README.md, "CSV import",
 * session 8). A value with more decimals than its metric stores is refused: the database could not
 * hold it either.
 */
public final class MonthlyFigures {

    private static final Metric[] METRICS = Metric.values();

    /** A metric without data in {@link #unscaled(Metric)} and {@link #ofUnscaled}. */
    public static final long NONE = Metric.NO_DATA;

    private final YearMonth month;
    /** By {@link Metric#ordinal()}: the value at its metric's scale, or {@link #NONE}. */
    private final long[] unscaled;

    public MonthlyFigures(YearMonth month, Map<Metric, BigDecimal> values) {
        this.month = Objects.requireNonNull(month, "month");
        this.unscaled = new long[METRICS.length];
        Arrays.fill(unscaled, NONE);
        if (values != null) {
            for (Map.Entry<Metric, BigDecimal> entry : values.entrySet()) {
                Metric metric = Objects.requireNonNull(entry.getKey(), "metric");
                BigDecimal value = Objects.requireNonNull(entry.getValue(), () -> "value of " + metric + " in " + month);
                if (value.signum() < 0) {
                    throw new IllegalArgumentException(metric.fieldName() + " in " + month + " is negative: " + value);
                }
                try {
                    unscaled[metric.ordinal()] = metric.unscaled(value);
                } catch (ArithmeticException e) {
                    throw new IllegalArgumentException(metric.fieldName() + " in " + month + " has more decimals than "
                            + metric.kind().scale() + " or is too large: " + value, e);
                }
            }
        }
    }

    private MonthlyFigures(YearMonth month, long[] unscaled) {
        this.month = month;
        this.unscaled = unscaled;
    }

    /**
     * Figures from unscaled values by {@link Metric#ordinal()} ({@link #NONE} for no data), as the
     * snapshots are read in bulk: the array is kept, not copied.
     */
    public static MonthlyFigures ofUnscaled(YearMonth month, long[] unscaled) {
        Objects.requireNonNull(month, "month");
        if (unscaled.length != METRICS.length) {
            throw new IllegalArgumentException(unscaled.length + " values for " + METRICS.length + " metrics");
        }
        for (int i = 0; i < unscaled.length; i++) {
            if (unscaled[i] < 0 && unscaled[i] != NONE) {
                throw new IllegalArgumentException(METRICS[i].fieldName() + " in " + month + " is negative");
            }
        }
        return new MonthlyFigures(month, unscaled);
    }

    public YearMonth month() {
        return month;
    }

    /** The values with data, each at its metric's scale. */
    public Map<Metric, BigDecimal> values() {
        Map<Metric, BigDecimal> values = new EnumMap<>(Metric.class);
        for (Metric metric : METRICS) {
            if (unscaled[metric.ordinal()] != NONE) {
                values.put(metric, BigDecimal.valueOf(unscaled[metric.ordinal()], metric.kind().scale()));
            }
        }
        return values;
    }

    public Optional<BigDecimal> get(Metric metric) {
        long value = unscaled[metric.ordinal()];
        return value == NONE ? Optional.empty() : Optional.of(BigDecimal.valueOf(value, metric.kind().scale()));
    }

    /** The value as a whole number at the metric's scale, or {@link #NONE}: for sums over many months. */
    public long unscaled(Metric metric) {
        return unscaled[metric.ordinal()];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MonthlyFigures that && month.equals(that.month) && Arrays.equals(unscaled, that.unscaled);
    }

    @Override
    public int hashCode() {
        return 31 * month.hashCode() + Arrays.hashCode(unscaled);
    }

    @Override
    public String toString() {
        return "MonthlyFigures[month=" + month + ", values=" + values() + "]";
    }
}
