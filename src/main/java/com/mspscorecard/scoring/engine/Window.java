package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The months a rule looks at: the scored month and the ones before it, {@code length} in all.
 * Every aggregate skips months without the metric and answers null when there is no data. Dated
 * facts (incidents, staff polls) are counted from {@link #firstDay()} to {@link #lastDay()}: the
 * month's end, or today for a history's latest month ({@link ClientHistory#asOfToday}), with the
 * same length either way.
 */
final class Window {

    /** Scale of intermediate quotients; values are rounded to {@link #VALUE_SCALE} at the end. */
    private static final int DIVISION_SCALE = 10;
    static final int VALUE_SCALE = 4;
    private static final long NONE = MonthlyFigures.NONE;
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L, 10_000_000_000L};

    private final ClientHistory history;
    private final YearMonth last;
    private final int length;
    /** The history's figures; the window is {@code from} (included) to {@code to} (excluded). */
    private final MonthlyFigures[] figures;
    private final int from;
    private final int to;
    /** Where the dated window ends when not at the month's end (today); null otherwise. */
    private final LocalDate endsToday;

    private Window(ClientHistory history, YearMonth last, int length) {
        this.history = history;
        this.last = last;
        this.length = length;
        this.figures = history.ordered();
        this.from = history.indexFrom(last.minusMonths(length - 1L));
        this.to = history.indexFrom(last.plusMonths(1));
        this.endsToday = history.endsToday(last);
    }

    static Window of(ClientHistory history, YearMonth month, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("a window has at least one month: " + length);
        }
        return new Window(history, month, length);
    }

    int length() {
        return length;
    }

    LocalDate firstDay() {
        return endsToday != null ? endsToday.minusMonths(length).plusDays(1) : last.minusMonths(length - 1L).atDay(1);
    }

    LocalDate lastDay() {
        return endsToday != null ? endsToday : last.atEndOfMonth();
    }

    /*
     * The aggregates add unscaled longs (MonthlyFigures) and make a BigDecimal once, at the end: the
     * same numbers as adding BigDecimals, since every value of a metric has that metric's scale, for
     * a fraction of the garbage. Every division is still BigDecimal's, rounded as before.
     */

    BigDecimal sum(Metric metric) {
        long sum = 0;
        boolean any = false;
        for (int i = from; i < to; i++) {
            long value = figures[i].unscaled(metric);
            if (value != NONE) {
                sum = Math.addExact(sum, value);
                any = true;
            }
        }
        return any ? BigDecimal.valueOf(sum, scale(metric)) : null;
    }

    BigDecimal mean(Metric metric) {
        long sum = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            long value = figures[i].unscaled(metric);
            if (value != NONE) {
                sum = Math.addExact(sum, value);
                count++;
            }
        }
        return count == 0 ? null : divide(BigDecimal.valueOf(sum, scale(metric)), BigDecimal.valueOf(count));
    }

    /**
     * Σ numerator ÷ Σ denominator over the months that have both: a blank numerator is "no
     * data", not zero, so such a month is left out rather than counted as a clean month.
     */
    BigDecimal ratio(Metric numerator, Metric denominator) {
        long top = 0;
        long bottom = 0;
        for (int i = from; i < to; i++) {
            long n = figures[i].unscaled(numerator);
            long d = figures[i].unscaled(denominator);
            if (n != NONE && d != NONE) {
                top = Math.addExact(top, n);
                bottom = Math.addExact(bottom, d);
            }
        }
        return bottom == 0 ? null
                : divide(BigDecimal.valueOf(top, scale(numerator)), BigDecimal.valueOf(bottom, scale(denominator)));
    }

    /** Σ part ÷ Σ (part + other) over the months that have both. */
    BigDecimal shareOf(Metric part, Metric other) {
        long parts = 0;
        long others = 0;
        for (int i = from; i < to; i++) {
            long p = figures[i].unscaled(part);
            long o = figures[i].unscaled(other);
            if (p != NONE && o != NONE) {
                parts = Math.addExact(parts, p);
                others = Math.addExact(others, o);
            }
        }
        if (parts == 0 && others == 0) {
            return null;
        }
        BigDecimal top = BigDecimal.valueOf(parts, scale(part));
        return divide(top, top.add(BigDecimal.valueOf(others, scale(other))));
    }

    /**
     * Mean over the months of metric ÷ endpoints, with the client's endpoints standing in for a
     * month without them; months with no endpoints at all, or zero, are left out. Each month's
     * quotient is rounded half up to {@link #DIVISION_SCALE} decimals, as
     * {@code value.divide(endpoints, DIVISION_SCALE, HALF_UP)} rounds it, in whole units of that scale.
     */
    BigDecimal perEndpointPerMonth(Metric metric) {
        long sum = 0;
        int count = 0;
        long toDivisionScale = POWERS_OF_TEN[DIVISION_SCALE - scale(metric)];
        try {
            for (int i = from; i < to; i++) {
                long value = figures[i].unscaled(metric);
                long endpoints = endpoints(i);
                if (value == NONE || endpoints == NONE || endpoints == 0) {
                    continue;
                }
                // value ÷ endpoints in units of 10^-DIVISION_SCALE, half up: ⌊(2n + e) ÷ 2e⌋ for n, e ≥ 0.
                long numerator = Math.multiplyExact(value, toDivisionScale);
                sum = Math.addExact(sum, Math.addExact(Math.multiplyExact(numerator, 2), endpoints) / (2 * endpoints));
                count++;
            }
        } catch (ArithmeticException beyondLong) {
            return perEndpointPerMonthOfLargeValues(metric);
        }
        return count == 0 ? null : divide(BigDecimal.valueOf(sum, DIVISION_SCALE), BigDecimal.valueOf(count));
    }

    /** The same in BigDecimal, for counts above about 900 million a month, where the longs above overflow. */
    private BigDecimal perEndpointPerMonthOfLargeValues(Metric metric) {
        BigDecimal sum = BigDecimal.ZERO;
        int count = 0;
        for (int i = from; i < to; i++) {
            long value = figures[i].unscaled(metric);
            long endpoints = endpoints(i);
            if (value == NONE || endpoints == NONE || endpoints == 0) {
                continue;
            }
            sum = sum.add(BigDecimal.valueOf(value, scale(metric))
                    .divide(BigDecimal.valueOf(endpoints), DIVISION_SCALE, RoundingMode.HALF_UP));
            count++;
        }
        return count == 0 ? null : divide(sum, BigDecimal.valueOf(count));
    }

    /** The month's endpoints, or the client's when the month has none; {@link #NONE} without either. */
    private long endpoints(int i) {
        long endpoints = figures[i].unscaled(Metric.ENDPOINTS);
        Integer fallback = history.defaultEndpoints();
        return endpoints == NONE && fallback != null ? fallback : endpoints;
    }

    /** (Σ revenue − Σ delivery cost) ÷ Σ revenue over the months that have both. */
    BigDecimal grossMargin() {
        long revenue = 0;
        long cost = 0;
        for (int i = from; i < to; i++) {
            long r = figures[i].unscaled(Metric.REVENUE);
            long c = figures[i].unscaled(Metric.DELIVERY_COST);
            if (r != NONE && c != NONE) {
                revenue = Math.addExact(revenue, r);
                cost = Math.addExact(cost, c);
            }
        }
        if (revenue == 0) {
            return null;
        }
        BigDecimal total = BigDecimal.valueOf(revenue, scale(Metric.REVENUE));
        return divide(total.subtract(BigDecimal.valueOf(cost, scale(Metric.DELIVERY_COST))), total);
    }

    /** Ignored ÷ (implemented + ignored) recommendations: a rule and a dealbreaker read it alike. */
    BigDecimal ignoredRecommendations() {
        return shareOf(Metric.RECOMMENDATIONS_IGNORED, Metric.RECOMMENDATIONS_IMPLEMENTED);
    }

    /** The client's share of the points in the latest staff poll closed within the window, or null. */
    BigDecimal latestPollShare() {
        Map.Entry<LocalDate, BigDecimal> poll = latestPoll();
        return poll == null ? null : poll.getValue();
    }

    LocalDate latestPollClosedOn() {
        Map.Entry<LocalDate, BigDecimal> poll = latestPoll();
        return poll == null ? null : poll.getKey();
    }

    private Map.Entry<LocalDate, BigDecimal> latestPoll() {
        Map.Entry<LocalDate, BigDecimal> poll = history.closedPolls().floorEntry(lastDay());
        return poll == null || poll.getKey().isBefore(firstDay()) ? null : poll;
    }

    int incidents(Predicate<IncidentCategory> matching) {
        return history.countIncidents(firstDay(), lastDay(), matching);
    }

    private static int scale(Metric metric) {
        return metric.kind().scale();
    }

    static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, DIVISION_SCALE, RoundingMode.HALF_UP)
                .setScale(VALUE_SCALE, RoundingMode.HALF_UP);
    }
}
