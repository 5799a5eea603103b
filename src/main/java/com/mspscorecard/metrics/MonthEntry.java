package com.mspscorecard.metrics;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.mspscorecard.numbers.NumberStyle;

/**
 * The typed cells of one client's month on a page: raw text as the person typed it (so
 * nothing they typed is lost when a cell is refused) and the problems per field.
 */
public record MonthEntry(long clientId, String clientName, Map<String, String> cells,
        Map<String, SnapshotRules.Problem> problems) {

    /** The stored values as the page's language writes them without grouping: {@code 2480,50} in Italian. */
    static MonthEntry stored(long clientId, String clientName, SnapshotFigures figures, NumberStyle style) {
        Map<String, String> cells = new HashMap<>();
        if (figures != null) {
            figures.values().forEach((metric, value) -> cells.put(metric.fieldName(), style.plain(value)));
        }
        return new MonthEntry(clientId, clientName, cells, Map.of());
    }

    /** Reads the cells from request parameters named {@code prefix + field}. */
    static MonthEntry typed(long clientId, String clientName, Function<String, String> parameter, String prefix) {
        Map<String, String> cells = new HashMap<>();
        for (Metric metric : Metric.values()) {
            String value = parameter.apply(prefix + metric.fieldName());
            if (value != null) {
                cells.put(metric.fieldName(), value);
            }
        }
        return new MonthEntry(clientId, clientName, cells, Map.of());
    }

    /** Checks the typed cells, read as numbers are written in {@code style} (the page's language). */
    SnapshotRules.Result check(YearMonth month, NumberStyle style, java.time.Clock clock) {
        Map<Metric, Object> raw = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            raw.put(metric, cells.get(metric.fieldName()));
        }
        return SnapshotRules.check(month, raw, style, clock);
    }

    MonthEntry withProblems(List<SnapshotRules.Problem> found) {
        Map<String, SnapshotRules.Problem> byField = new HashMap<>();
        found.forEach(p -> byField.putIfAbsent(p.field(), p));
        return new MonthEntry(clientId, clientName, cells, byField);
    }

    public String cell(String field) {
        return cells.getOrDefault(field, "");
    }

    public boolean hasProblem(String field) {
        return problems.containsKey(field);
    }

    public SnapshotRules.Problem problem(String field) {
        return problems.get(field);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    static List<Metric> metrics() {
        return Arrays.asList(Metric.values());
    }
}
