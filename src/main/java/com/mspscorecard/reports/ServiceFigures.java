package com.mspscorecard.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mspscorecard.metrics.Metric;
import com.mspscorecard.metrics.SnapshotFigures;

/**
 * The service delivered to a client, as both versions of the report show it: sums over the quarter
 * that ends at the month, and a year of months for the bar chart. Only figures about the service:
 * no money, no grade. A sum over months without data is null ("no data"), never zero.
 *
 * @param reopenedRate           reopened ÷ new tickets over the quarter (0–1), null without tickets
 * @param recommendationResponse implemented ÷ (implemented + ignored) over the quarter (0–1)
 */
record ServiceFigures(YearMonth from, YearMonth to, BigDecimal tickets, BigDecimal reopened, BigDecimal reopenedRate,
                      BigDecimal recommendationsMade, BigDecimal recommendationsImplemented,
                      BigDecimal recommendationsIgnored, BigDecimal recommendationResponse,
                      BigDecimal securityIncidents, BigDecimal endpoints, List<Month> months) {

    static final int QUARTER = 3;
    static final int YEAR = 12;

    /** The tallest bar, in millimetres. */
    private static final BigDecimal BAR_MM = BigDecimal.valueOf(34);

    /**
     * One month of the chart and its table.
     *
     * @param ticketsBar  the height of the bar's upper part, the tickets not reopened, e.g. {@code 12.5mm};
     *                    null without data
     * @param reopenedBar the height of its lower part, the reopened tickets
     */
    record Month(YearMonth month, BigDecimal tickets, BigDecimal reopened, BigDecimal securityIncidents,
                 BigDecimal recommendationsMade, BigDecimal recommendationsImplemented, String ticketsBar,
                 String reopenedBar) {
    }

    /** @param byMonth the client's figures by month (any months; those outside the year are ignored) */
    static ServiceFigures of(YearMonth month, Map<YearMonth, SnapshotFigures> byMonth, Integer clientEndpoints) {
        YearMonth from = month.minusMonths(QUARTER - 1);
        BigDecimal tickets = null;
        BigDecimal reopened = null;
        BigDecimal made = null;
        BigDecimal implemented = null;
        BigDecimal ignored = null;
        BigDecimal security = null;
        BigDecimal endpoints = null;
        for (YearMonth m = from; !m.isAfter(month); m = m.plusMonths(1)) {
            SnapshotFigures figures = byMonth.get(m);
            if (figures == null) {
                continue;
            }
            Map<Metric, BigDecimal> v = figures.values();
            tickets = add(tickets, v.get(Metric.NEW_TICKETS));
            reopened = add(reopened, v.get(Metric.REOPENED_TICKETS));
            made = add(made, v.get(Metric.RECOMMENDATIONS_MADE));
            implemented = add(implemented, v.get(Metric.RECOMMENDATIONS_IMPLEMENTED));
            ignored = add(ignored, v.get(Metric.RECOMMENDATIONS_IGNORED));
            security = add(security, v.get(Metric.SECURITY_INCIDENTS));
            if (v.get(Metric.ENDPOINTS) != null) {
                endpoints = v.get(Metric.ENDPOINTS);
            }
        }
        if (endpoints == null && clientEndpoints != null) {
            endpoints = BigDecimal.valueOf(clientEndpoints);
        }
        BigDecimal answered = implemented == null && ignored == null ? null : add(implemented, ignored);
        return new ServiceFigures(from, month, tickets, reopened, share(reopened, tickets), made, implemented, ignored,
                share(implemented == null ? BigDecimal.ZERO : implemented, answered), security, endpoints,
                year(month, byMonth));
    }

    private static List<Month> year(YearMonth month, Map<YearMonth, SnapshotFigures> byMonth) {
        BigDecimal highest = BigDecimal.ZERO;
        for (YearMonth m = month.minusMonths(YEAR - 1); !m.isAfter(month); m = m.plusMonths(1)) {
            SnapshotFigures figures = byMonth.get(m);
            BigDecimal tickets = figures == null ? null : figures.values().get(Metric.NEW_TICKETS);
            if (tickets != null && tickets.compareTo(highest) > 0) {
                highest = tickets;
            }
        }
        List<Month> months = new ArrayList<>(YEAR);
        for (YearMonth m = month.minusMonths(YEAR - 1); !m.isAfter(month); m = m.plusMonths(1)) {
            SnapshotFigures figures = byMonth.get(m);
            Map<Metric, BigDecimal> v = figures == null ? Map.of() : figures.values();
            BigDecimal tickets = v.get(Metric.NEW_TICKETS);
            BigDecimal reopened = v.get(Metric.REOPENED_TICKETS);
            // Reopened tickets are drawn inside the month's bar: never taller than it.
            BigDecimal reopenedShown = reopened == null || tickets == null ? null : reopened.min(tickets);
            months.add(new Month(m, tickets, reopened, v.get(Metric.SECURITY_INCIDENTS),
                    v.get(Metric.RECOMMENDATIONS_MADE), v.get(Metric.RECOMMENDATIONS_IMPLEMENTED),
                    bar(reopenedShown == null ? tickets : tickets.subtract(reopenedShown), highest),
                    bar(reopenedShown, highest)));
        }
        return months;
    }

    static String bar(BigDecimal value, BigDecimal highest) {
        if (value == null || highest.signum() == 0) {
            return null;
        }
        return value.multiply(BAR_MM).divide(highest, 1, RoundingMode.HALF_UP).toPlainString() + "mm";
    }

    private static BigDecimal add(BigDecimal sum, BigDecimal value) {
        return value == null ? sum : sum == null ? value : sum.add(value);
    }

    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return part == null || whole == null || whole.signum() == 0 ? null
                : part.divide(whole, 4, RoundingMode.HALF_UP);
    }
}
