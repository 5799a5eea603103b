package com.mspscorecard.metrics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The typed cells of one client's month on a page: raw text as the person typed it (so
 * nothing they typed is lost when a cell is refused) and the problems per field.
 */
public record MonthEntry(long clientId, String clientName, Map<String, String> cells,
        Map<String, SnapshotRules.Problem> problems) {

    static MonthEntry stored(long clientId, String clientName, SnapshotFigures figures) {
        Map<String, String> cells = new HashMap<>();
        if (figures != null) {
            figures.values().forEach((metric, value) -> cells.put(metric.fieldName(), display(value)));
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

    SnapshotRules.Result check(YearMonth month, java.time.Clock clock) {
        Map<Metric, Object> raw = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            raw.put(metric, cells.get(metric.fieldName()));
        }
        return SnapshotRules.check(month, raw, clock);
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

    static String display(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    static List<Metric> metrics() {
        return Arrays.asList(Metric.values());
    }
}
