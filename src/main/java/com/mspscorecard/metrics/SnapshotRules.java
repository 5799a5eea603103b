package com.mspscorecard.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.mspscorecard.numbers.NumberReader;
import com.mspscorecard.numbers.NumberReading;
import com.mspscorecard.numbers.NumberStyle;

/**
 * The one place where a month of metrics is checked: the client's month form, the monthly
 * entry grid, the API and the CSV import all call {@link #check}. Pure: no Spring, no database.
 *
 * <p>Values may be {@link BigDecimal}s, other {@link Number}s or raw text as typed, which
 * {@link NumberReader} reads in the given {@link NumberStyle} (the page's language: {@code 2.500,00}
 * in Italian, {@code 2,500.00} in English). {@code null} and blank mean "no data", never zero.
 */
public final class SnapshotRules {

    /** Field name used for problems with the month itself. */
    public static final String MONTH = "month";

    private static final BigDecimal INTEGER_LIMIT = BigDecimal.valueOf(Integer.MAX_VALUE);

    private SnapshotRules() {
    }

    /** One broken rule: the snapshot field name ({@code new_tickets}, or {@code month}), a message code and its arguments. */
    public record Problem(String field, String code, List<Object> args) {

        public Problem {
            args = List.copyOf(args);
        }

        static Problem of(String field, String code, Object... args) {
            return new Problem(field, code, List.of(args));
        }
    }

    /** What {@link #check} found: the parsed values (metrics without data are absent) and the problems. */
    public record Result(Map<Metric, BigDecimal> values, List<Problem> problems) {

        public Result {
            Map<Metric, BigDecimal> copy = new EnumMap<>(Metric.class);
            copy.putAll(values);
            values = Collections.unmodifiableMap(copy);
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }

        /** The first problem with this field, if any. */
        public Problem problemWith(String field) {
            return problems.stream().filter(p -> p.field().equals(field)).findFirst().orElse(null);
        }
    }

    /**
     * Checks one client's month: every value on its own, then the rules that span fields and the
     * month. Text is read as written in {@code style}.
     */
    public static Result check(YearMonth month, Map<Metric, ?> raw, NumberStyle style, Clock clock) {
        List<Problem> problems = new ArrayList<>();
        if (month == null) {
            problems.add(Problem.of(MONTH, "snapshot.month.required"));
        }
        else if (month.isAfter(YearMonth.now(clock))) {
            problems.add(Problem.of(MONTH, "snapshot.month.future", month.toString()));
        }
        Map<Metric, BigDecimal> values = new EnumMap<>(Metric.class);
        for (Map.Entry<Metric, ?> entry : raw.entrySet()) {
            Metric metric = entry.getKey();
            Object value = entry.getValue();
            BigDecimal number;
            if (value instanceof CharSequence text) {
                NumberReading reading = NumberReader.read(text.toString(), style, metric.kind().scale());
                if (!reading.ok()) {
                    problems.add(readingProblem(metric, reading));
                    continue;
                }
                number = reading.value();
            }
            else if (value == null || value instanceof Number) {
                number = toNumber(value);
            }
            else {
                problems.add(Problem.of(metric.fieldName(), "snapshot.value.notANumber"));
                continue;
            }
            if (number == null) {
                continue;
            }
            Problem problem = checkValue(metric, number);
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            values.put(metric, number.setScale(metric.kind().scale(), java.math.RoundingMode.UNNECESSARY));
        }
        recommendationsProblem(values.get(Metric.RECOMMENDATIONS_MADE), values.get(Metric.RECOMMENDATIONS_IMPLEMENTED),
                values.get(Metric.RECOMMENDATIONS_IGNORED)).ifPresent(problems::add);
        return new Result(values, problems);
    }

    /**
     * Implemented plus ignored recommendations may not exceed those made, when all three are
     * given. Public so that the CSV import, which validates cells as it streams, applies the
     * very same rule.
     */
    public static java.util.Optional<Problem> recommendationsProblem(BigDecimal made, BigDecimal implemented,
            BigDecimal ignored) {
        if (made != null && implemented != null && ignored != null && implemented.add(ignored).compareTo(made) > 0) {
            return java.util.Optional.of(Problem.of(Metric.RECOMMENDATIONS_IGNORED.fieldName(),
                    "snapshot.recommendations.exceedMade", implemented.toPlainString(), ignored.toPlainString(),
                    made.toPlainString()));
        }
        return java.util.Optional.empty();
    }

    /**
     * What is wrong with one value on its own (negative, too many decimals, more than its column
     * holds), if anything. Public so that the CSV import, which reads numbers its own way, refuses
     * in its preview exactly what the other paths refuse and what the database cannot store.
     */
    public static java.util.Optional<Problem> valueProblem(Metric metric, BigDecimal number) {
        return java.util.Optional.ofNullable(checkValue(metric, number));
    }

    private static Problem checkValue(Metric metric, BigDecimal number) {
        String field = metric.fieldName();
        if (number.signum() < 0) {
            return Problem.of(field, "snapshot.value.negative");
        }
        BigDecimal plain = number.stripTrailingZeros();
        if (metric.kind() == Metric.Kind.COUNT && plain.scale() > 0) {
            return Problem.of(field, "snapshot.value.wholeNumber");
        }
        if (plain.scale() > metric.kind().scale()) {
            return Problem.of(field, "snapshot.value.decimals", metric.kind().scale());
        }
        if (number.compareTo(limit(metric)) > 0) {
            return Problem.of(field, "snapshot.value.tooLarge", limit(metric).toPlainString());
        }
        return null;
    }

    /**
     * The largest value the column holds: {@code integer} for counts, {@code numeric(8,2)},
     * {@code numeric(10,2)} and {@code numeric(14,2)} for the decimals (see migration V2).
     */
    public static BigDecimal limit(Metric metric) {
        return switch (metric) {
            case AVG_DAYS_TO_PAY -> new BigDecimal("999999.99");
            case HOURS_SPENT -> new BigDecimal("99999999.99");
            case REVENUE, DELIVERY_COST -> new BigDecimal("999999999999.99");
            default -> INTEGER_LIMIT;
        };
    }

    /** A value sent as a number (JSON), or {@code null}. */
    private static BigDecimal toNumber(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        throw new IllegalArgumentException("Not a number nor text: " + value.getClass());
    }

    /** What the reader refused, as this field's problem: a huge number is "too large" for it. */
    private static Problem readingProblem(Metric metric, NumberReading reading) {
        String field = metric.fieldName();
        return switch (reading.problem()) {
            case "number.tooLarge" -> Problem.of(field, "snapshot.value.tooLarge", limit(metric).toPlainString());
            case "number.tooManyDecimals" -> metric.kind().scale() == 0
                    ? Problem.of(field, "snapshot.value.wholeNumber")
                    : Problem.of(field, "snapshot.value.decimals", metric.kind().scale());
            default -> new Problem(field, reading.problem(), reading.args());
        };
    }
}
