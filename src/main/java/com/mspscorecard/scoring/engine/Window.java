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

    BigDecimal sum(Metric metric) {
        BigDecimal sum = null;
        for (int i = from; i < to; i++) {
            MonthlyFigures month = this.figures[i];
            BigDecimal value = month.valueOrNull(metric);
            if (value != null) {
                sum = sum == null ? value : sum.add(value);
            }
        }
        return sum;
    }

    BigDecimal mean(Metric metric) {
        BigDecimal sum = BigDecimal.ZERO;
        int count = 0;
        for (int i = from; i < to; i++) {
            MonthlyFigures month = this.figures[i];
            BigDecimal value = month.valueOrNull(metric);
            if (value != null) {
                sum = sum.add(value);
                count++;
            }
        }
        return count == 0 ? null : divide(sum, BigDecimal.valueOf(count));
    }

    /**
     * Σ numerator ÷ Σ denominator over the months that have both: a blank numerator is "no
     * data", not zero, so such a month is left out rather than counted as a clean month.
     */
    BigDecimal ratio(Metric numerator, Metric denominator) {
        BigDecimal top = BigDecimal.ZERO;
        BigDecimal bottom = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
            MonthlyFigures month = this.figures[i];
            BigDecimal n = month.valueOrNull(numerator);
            BigDecimal d = month.valueOrNull(denominator);
            if (n != null && d != null) {
                top = top.add(n);
                bottom = bottom.add(d);
            }
        }
        return bottom.signum() == 0 ? null : divide(top, bottom);
    }

    /** Σ part ÷ Σ (part + other) over the months that have both. */
    BigDecimal shareOf(Metric part, Metric other) {
        BigDecimal top = BigDecimal.ZERO;
        BigDecimal bottom = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
            MonthlyFigures month = this.figures[i];
            BigDecimal p = month.valueOrNull(part);
            BigDecimal o = month.valueOrNull(other);
            if (p != null && o != null) {
                top = top.add(p);
                bottom = bottom.add(p).add(o);
            }
        }
        return bottom.signum() == 0 ? null : divide(top, bottom);
    }

    /**
     * Mean over the months of metric ÷ endpoints, with the client's endpoints standing in for a
     * month without them; months with no endpoints at all, or zero, are left out.
     */
    BigDecimal perEndpointPerMonth(Metric metric) {
        Integer fallback = history.defaultEndpoints();
        BigDecimal sum = BigDecimal.ZERO;
        int count = 0;
        for (int i = from; i < to; i++) {
            MonthlyFigures month = this.figures[i];
            BigDecimal value = month.valueOrNull(metric);
            if (value == null) {
                continue;
            }
            BigDecimal endpoints = month.valueOrNull(Metric.ENDPOINTS);
            if (endpoints == null && fallback != null) {
                endpoints = BigDecimal.valueOf(fallback);
            }
            if (endpoints == null || endpoints.signum() == 0) {
                continue;
            }
            sum = sum.add(value.divide(endpoints, DIVISION_SCALE, RoundingMode.HALF_UP));
            count++;
        }
        return count == 0 ? null : divide(sum, BigDecimal.valueOf(count));
    }

    /** (Σ revenue − Σ delivery cost) ÷ Σ revenue over the months that have both. */
    BigDecimal grossMargin() {
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
            MonthlyFigures month = this.figures[i];
            BigDecimal r = month.valueOrNull(Metric.REVENUE);
            BigDecimal c = month.valueOrNull(Metric.DELIVERY_COST);
            if (r != null && c != null) {
                revenue = revenue.add(r);
                cost = cost.add(c);
            }
        }
        return revenue.signum() == 0 ? null : divide(revenue.subtract(cost), revenue);
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

    static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, DIVISION_SCALE, RoundingMode.HALF_UP)
                .setScale(VALUE_SCALE, RoundingMode.HALF_UP);
    }
}
