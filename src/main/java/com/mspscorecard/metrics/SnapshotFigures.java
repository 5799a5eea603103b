package com.mspscorecard.metrics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

/** One client's figures for one month; a metric missing from the map has no data. */
public record SnapshotFigures(long clientId, YearMonth month, Map<Metric, BigDecimal> values) {
}
