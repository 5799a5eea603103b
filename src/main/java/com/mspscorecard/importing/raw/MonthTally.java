package com.mspscorecard.importing.raw;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;

/** One client's running figures for one month while the file is read: counts as longs, money and hours exact. */
final class MonthTally {

    final long[] counts = new long[Metric.values().length];
    BigDecimal revenue = BigDecimal.ZERO;
    BigDecimal hours = BigDecimal.ZERO;
    BigDecimal cost = BigDecimal.ZERO;
    long paid;
    long paidDays;
    /** Unpaid invoices falling due on each day of the month: late once that day is within the export's range. */
    int[] unpaidDueByDay;

    void count(Metric metric) {
        counts[metric.ordinal()]++;
    }

    void unpaidDue(int dayOfMonth) {
        if (unpaidDueByDay == null) {
            unpaidDueByDay = new int[32];
        }
        unpaidDueByDay[dayOfMonth]++;
    }

    /** The figures of the fields the file produces; {@code asOf} is the last day of the export. */
    MonthFigures figures(List<Metric> produced, YearMonth month, LocalDate asOf) {
        EnumMap<Metric, BigDecimal> values = new EnumMap<>(Metric.class);
        for (Metric metric : produced) {
            BigDecimal value = switch (metric) {
                case REVENUE -> revenue.setScale(2, RoundingMode.HALF_UP);
                case HOURS_SPENT -> hours.setScale(2, RoundingMode.HALF_UP);
                case DELIVERY_COST -> cost.setScale(2, RoundingMode.HALF_UP);
                case AVG_DAYS_TO_PAY -> paid == 0 ? null
                        : BigDecimal.valueOf(paidDays).divide(BigDecimal.valueOf(paid), 2, RoundingMode.HALF_UP);
                case LATE_PAYMENTS -> BigDecimal.valueOf(counts[metric.ordinal()] + unpaidLate(month, asOf));
                default -> BigDecimal.valueOf(counts[metric.ordinal()]);
            };
            if (value != null) {
                values.put(metric, value);
            }
        }
        return new MonthFigures(values);
    }

    static MonthFigures zero(List<Metric> produced, YearMonth month, LocalDate asOf) {
        return new MonthTally().figures(produced, month, asOf);
    }

    private long unpaidLate(YearMonth month, LocalDate asOf) {
        if (unpaidDueByDay == null) {
            return 0;
        }
        long late = 0;
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            if (unpaidDueByDay[day] > 0 && !month.atDay(day).isAfter(asOf)) {
                late += unpaidDueByDay[day];
            }
        }
        return late;
    }
}
