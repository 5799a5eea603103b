package com.mspscorecard.importing.csv;

import com.mspscorecard.metrics.Metric;
import com.mspscorecard.metrics.SnapshotRules;
import com.mspscorecard.numbers.NumberReader;
import com.mspscorecard.numbers.NumberReading;
import com.mspscorecard.numbers.NumberStyle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Turns one record's cells into a {@link CsvRow}, collecting what is wrong with it. */
final class CsvRowParser {

    /** Generous for any MSP's monthly figures, and safely inside the stored numeric columns. */
    private static final int MAX_INTEGER_DIGITS = 12;

    private final ColumnMapping mapping;
    private final CsvDialect dialect;
    private final YearMonth currentMonth;
    private final NumberStyle style;

    CsvRowParser(ColumnMapping mapping, CsvDialect dialect, Clock clock) {
        this.mapping = mapping;
        this.dialect = dialect;
        this.currentMonth = YearMonth.now(clock);
        this.style = NumberStyle.csv(dialect.decimalSeparator());
    }

    CsvRow parse(long line, List<String> cells, List<CellError> errors) {
        String client = client(line, cell(cells, mapping.clientColumn()), errors);
        YearMonth month = month(line, cell(cells, mapping.monthColumn()), errors);
        Map<Metric, CellValue> values = new EnumMap<>(Metric.class);
        int columns = mapping.headers().size();
        if (cells.size() < columns || hasExtraValues(cells, columns)) {
            errors.add(dialect.delimiter() == CsvDialect.TAB
                    ? CellError.of(line, "", "", "importing.problem.row.value_count.tab", String.valueOf(cells.size()),
                            String.valueOf(columns))
                    : CellError.of(line, "", "", "importing.problem.row.value_count", String.valueOf(cells.size()),
                            String.valueOf(columns), String.valueOf(dialect.delimiter())));
            return new CsvRow(line, client, month, values);
        }
        mapping.metricColumns().forEach((column, metric) -> {
            String raw = cells.get(column);
            CellValue value = metric(line, mapping.header(column), metric, raw, errors);
            if (value != null) {
                values.put(metric, value);
            }
        });
        return new CsvRow(line, client, month, values);
    }

    private static String cell(List<String> cells, int column) {
        return column < cells.size() ? cells.get(column) : "";
    }

    private static boolean hasExtraValues(List<String> cells, int columns) {
        for (int i = columns; i < cells.size(); i++) {
            if (!cells.get(i).isBlank()) {
                return true;
            }
        }
        return false;
    }

    private String client(long line, String raw, List<CellError> errors) {
        String client = CsvExport.restoreNeutralised(raw.strip()).strip();
        if (client.isEmpty()) {
            errors.add(CellError.of(line, mapping.header(mapping.clientColumn()), raw, "importing.problem.client.missing"));
            return null;
        }
        return client;
    }

    private YearMonth month(long line, String raw, List<CellError> errors) {
        String column = mapping.header(mapping.monthColumn());
        String text = raw.strip();
        if (text.isEmpty()) {
            errors.add(CellError.of(line, column, raw, "importing.problem.month.missing"));
            return null;
        }
        MonthFormat format = dialect.monthFormat();
        YearMonth month = format.parse(text).orElse(null);
        if (month == null) {
            CellError error = CellError.of(line, column, raw, "importing.problem.month.format", text, format.label());
            for (MonthFormat other : MonthFormat.values()) {
                if (other != format && other.looksLike(text)) {
                    error = CellError.of(line, column, raw, "importing.problem.month.format_looks_like", text,
                            format.label(), other.label());
                    break;
                }
            }
            errors.add(error);
            return null;
        }
        if (month.isAfter(currentMonth)) {
            errors.add(CellError.of(line, column, raw, "importing.problem.month.future", month.toString(),
                    currentMonth.toString()));
            return null;
        }
        return month;
    }

    /** The cell's value, or {@code null} after recording why it is not acceptable. */
    private CellValue metric(long line, String column, Metric metric, String raw, List<CellError> errors) {
        String text = raw.strip();
        if (text.isEmpty()) {
            return CellValue.empty();
        }
        BigDecimal plain = plainNumber(text, metric.kind().scale());
        if (plain != null) {
            return fitting(line, column, metric, raw, text, plain, errors);
        }
        // Anything else goes through the one number reader, in this file's dialect: grouping where
        // the dialect makes it unambiguous, and a message naming the expected form where it does not.
        NumberReading reading = NumberReader.read(text, style, metric.kind().scale());
        int scale = metric.kind().scale();
        if (!reading.ok()) {
            errors.add(switch (reading.problem()) {
                case "number.ambiguous" -> CellError.of(line, column, raw, "importing.problem.value.ambiguous",
                        reading.args().stream().map(String::valueOf).toArray(String[]::new));
                case "number.otherDecimal" -> CellError.of(line, column, raw, "importing.problem.value.other_decimal",
                        reading.args().stream().map(String::valueOf).toArray(String[]::new));
                case "number.tooLarge" -> tooLarge(line, column, metric, raw, text);
                case "number.tooManyDecimals" -> decimals(line, column, metric, raw, text, scale);
                default -> metric.kind() == Metric.Kind.COUNT
                        ? CellError.of(line, column, raw, "importing.problem.value.not_a_number.count", text,
                                metric.fieldName())
                        : CellError.of(line, column, raw, "importing.problem.value.not_a_number.decimal", text,
                                metric.fieldName(), String.valueOf(dialect.decimalSeparator()));
            });
            return null;
        }
        BigDecimal value = reading.value();
        if (value.signum() < 0) {
            errors.add(CellError.of(line, column, raw, "importing.problem.value.negative", metric.fieldName()));
            return null;
        }
        if (value.stripTrailingZeros().scale() > scale) {
            errors.add(decimals(line, column, metric, raw, text, scale));
            return null;
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            errors.add(tooLarge(line, column, metric, raw, text));
            return null;
        }
        return fitting(line, column, metric, raw, text, value.setScale(scale, RoundingMode.UNNECESSARY), errors);
    }

    private static CellError decimals(long line, String column, Metric metric, String raw, String text, int scale) {
        return scale == 0
                ? CellError.of(line, column, raw, "importing.problem.value.whole_number", metric.fieldName(), text)
                : CellError.of(line, column, raw, "importing.problem.value.decimals", metric.fieldName(),
                        String.valueOf(scale), text);
    }

    /**
     * The value, when its column can hold it. The bound comes from {@link SnapshotRules}, the one
     * validation of every input path, so that a preview never accepts what the commit cannot write.
     */
    private static CellValue fitting(long line, String column, Metric metric, String raw, String text,
            BigDecimal value, List<CellError> errors) {
        if (SnapshotRules.valueProblem(metric, value).isPresent()) {
            errors.add(tooLarge(line, column, metric, raw, text));
            return null;
        }
        return CellValue.of(value);
    }

    private static CellError tooLarge(long line, String column, Metric metric, String raw, String text) {
        return CellError.of(line, column, raw, "importing.problem.value.too_large", text, metric.fieldName(),
                SnapshotRules.limit(metric).toPlainString());
    }

    /**
     * The common case without regular expressions or parsing a BigDecimal: digits, at most one decimal
     * separator, no more significant decimals than the metric has, at most {@link #MAX_INTEGER_DIGITS}
     * integer digits. Anything else returns {@code null} and takes the general path, which explains
     * what is wrong; both paths give the same value for what they both accept.
     */
    private BigDecimal plainNumber(String text, int scale) {
        char separator = dialect.decimalSeparator();
        int length = text.length();
        int i = 0;
        long integer = 0;
        int significant = 0;
        boolean digitSeen = false;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digitSeen = true;
                if (significant > 0 || c != '0') {
                    if (++significant > MAX_INTEGER_DIGITS) {
                        return null;
                    }
                    integer = integer * 10 + (c - '0');
                }
            }
            else if (c == separator) {
                break;
            }
            else {
                return null;
            }
        }
        long fraction = 0;
        int decimals = 0;
        if (i < length) {
            // One to three digits, the separator, three digits: grouping or decimals? The reader decides.
            if (i >= 1 && i <= 3 && length - i - 1 == 3 && text.charAt(0) != '0') {
                return null;
            }
            i++; // the separator
            boolean fractionDigit = false;
            for (; i < length; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                fractionDigit = true;
                if (decimals < scale) {
                    fraction = fraction * 10 + (c - '0');
                    decimals++;
                }
                else if (c != '0') {
                    return null;
                }
            }
            if (!digitSeen && !fractionDigit) {
                return null;
            }
        }
        else if (!digitSeen) {
            return null;
        }
        for (; decimals < scale; decimals++) {
            fraction *= 10;
        }
        long unscaled = integer;
        for (int d = 0; d < scale; d++) {
            unscaled *= 10;
        }
        return BigDecimal.valueOf(unscaled + fraction, scale);
    }

}
