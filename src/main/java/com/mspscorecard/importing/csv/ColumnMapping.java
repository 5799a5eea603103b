package com.mspscorecard.importing.csv;

import com.mspscorecard.metrics.Metric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which column of a file holds which field. Header names match field names ignoring case,
 * spaces, {@code -} and {@code _}: "New Tickets", "new-tickets" and "NEWTICKETS" are all
 * {@code new_tickets}. Unknown columns are ignored, and listed so the user can see them.
 *
 * @param headers        the header row as written
 * @param clientColumn   index of the {@code client} column
 * @param monthColumn    index of the {@code month} column
 * @param metricColumns  index of each metric column present, in file order
 * @param ignoredColumns names of the columns that match no field, as written
 */
public record ColumnMapping(List<String> headers, int clientColumn, int monthColumn,
        Map<Integer, Metric> metricColumns, List<String> ignoredColumns) {

    public static final String CLIENT = "client";
    public static final String MONTH = "month";

    private static final Map<String, String> FIELDS_BY_KEY = fieldsByKey();

    public ColumnMapping {
        headers = List.copyOf(headers);
        metricColumns = Collections.unmodifiableMap(new LinkedHashMap<>(metricColumns));
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    /**
     * Maps a header row.
     *
     * @throws CsvFileException when {@code client} or {@code month} is missing, or two columns mean the same field
     */
    public static ColumnMapping of(List<String> headers) {
        Map<String, Integer> columnByField = new HashMap<>();
        Map<Integer, Metric> metrics = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            Optional<String> field = fieldFor(header);
            if (field.isEmpty()) {
                if (!header.isBlank()) {
                    ignored.add(header.strip());
                }
                continue;
            }
            Integer earlier = columnByField.putIfAbsent(field.get(), i);
            if (earlier != null) {
                throw new CsvFileException(CsvProblem.DUPLICATE_COLUMN, "importing.problem.header.duplicate_column",
                        String.valueOf(earlier + 1), headers.get(earlier).strip(), String.valueOf(i + 1),
                        header.strip(), field.get());
            }
            int column = i;
            Metric.byFieldName(field.get()).ifPresent(metric -> metrics.put(column, metric));
        }
        if (!columnByField.containsKey(CLIENT)) {
            throw missingColumn(CsvProblem.MISSING_CLIENT_COLUMN, CLIENT, headers);
        }
        if (!columnByField.containsKey(MONTH)) {
            throw missingColumn(CsvProblem.MISSING_MONTH_COLUMN, MONTH, headers);
        }
        return new ColumnMapping(headers, columnByField.get(CLIENT), columnByField.get(MONTH), metrics, ignored);
    }

    /** The field a header names, e.g. {@code new_tickets} for "New Tickets". */
    public static Optional<String> fieldFor(String header) {
        return Optional.ofNullable(FIELDS_BY_KEY.get(key(header)));
    }

    /** Every mapped column: index to field name, in file order. */
    public Map<Integer, String> mappedColumns() {
        Map<Integer, String> mapped = new TreeMap<>();
        mapped.put(clientColumn, CLIENT);
        mapped.put(monthColumn, MONTH);
        metricColumns.forEach((index, metric) -> mapped.put(index, metric.fieldName()));
        return Collections.unmodifiableMap(mapped);
    }

    /** The metrics present in the file; the others are left untouched by an import. */
    public Map<Metric, Integer> columnByMetric() {
        Map<Metric, Integer> byMetric = new EnumMap<>(Metric.class);
        metricColumns.forEach((index, metric) -> byMetric.put(metric, index));
        return byMetric;
    }

    /** The header of a column as written, trimmed; used to name it in errors. */
    public String header(int column) {
        return column < headers.size() ? headers.get(column).strip() : "";
    }

    private static CsvFileException missingColumn(CsvProblem problem, String field, List<String> headers) {
        return headers.isEmpty()
                ? new CsvFileException(problem, "importing.problem.header.missing_column.none", field)
                : new CsvFileException(problem, "importing.problem.header.missing_column", field,
                        String.join(", ", headers.stream().map(String::strip).toList()));
    }

    /**
     * A header as the import compares it: without case, spaces, {@code -}, {@code _}, byte-order marks
     * and no-break spaces. The raw PSA layouts compare their headers the same way.
     */
    public static String key(String header) {
        StringBuilder key = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            // A stray byte-order mark or no-break space is as invisible to the user as a space.
            if (c == '-' || c == '_' || c == '\uFEFF' || c == '\u00A0' || Character.isWhitespace(c)) {
                continue;
            }
            key.append(c);
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> fieldsByKey() {
        Map<String, String> fields = new HashMap<>();
        fields.put(key(CLIENT), CLIENT);
        fields.put(key(MONTH), MONTH);
        for (Metric metric : Metric.values()) {
            fields.put(key(metric.fieldName()), metric.fieldName());
        }
        return Map.copyOf(fields);
    }
}
