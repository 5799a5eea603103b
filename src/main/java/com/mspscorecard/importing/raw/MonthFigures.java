package com.mspscorecard.importing.raw;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A client's figures for one month, as aggregated: counts at scale 0, hours, days and money at scale 2.
 * A field the export produces but no row touched is 0; {@code avg_days_to_pay} is absent when no invoice
 * was paid in the month (an average of nothing is no data, not 0).
 */
public record MonthFigures(Map<Metric, BigDecimal> values) {

    public MonthFigures {
        EnumMap<Metric, BigDecimal> copy = new EnumMap<>(Metric.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
    }

    public Optional<BigDecimal> value(Metric metric) {
        return Optional.ofNullable(values.get(metric));
    }
}
