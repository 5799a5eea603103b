package com.mspscorecard.importing.csv;

import com.mspscorecard.metrics.Metric;

import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One data row. A metric whose column is absent from the file is absent from {@code values}
 * (leave the stored value untouched); an empty cell is {@link CellValue#empty()} (clear it).
 * When the row has errors, the parts in error are {@code null} (client, month) or absent (metrics).
 *
 * @param line   physical line where the row starts; the header is line 1
 * @param client trimmed client name or external reference, {@code null} when missing
 * @param month  {@code null} when missing or invalid
 * @param values the metric cells that are present and valid, in {@link Metric} order
 */
public record CsvRow(long line, String client, YearMonth month, Map<Metric, CellValue> values) {

    public CsvRow {
        EnumMap<Metric, CellValue> copy = new EnumMap<>(Metric.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
    }
}
