package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds client histories for tests: {@code client().month("2026-06", LATE_PAYMENTS, 2).build()}. */
final class HistoryBuilder {

    private long clientId = 1;
    private PaymentTerms terms = PaymentTerms.NET_30;
    private Integer defaultEndpoints;
    private final Map<YearMonth, Map<Metric, BigDecimal>> months = new TreeMap<>();
    private final List<IncidentFact> incidents = new ArrayList<>();
    private final Map<LocalDate, BigDecimal> polls = new TreeMap<>();

    static HistoryBuilder client() {
        return new HistoryBuilder();
    }

    HistoryBuilder id(long clientId) {
        this.clientId = clientId;
        return this;
    }

    HistoryBuilder terms(PaymentTerms terms) {
        this.terms = terms;
        return this;
    }

    HistoryBuilder endpoints(Integer endpoints) {
        this.defaultEndpoints = endpoints;
        return this;
    }

    /** Adds (or adds to) a month's figures: pairs of metric and number. */
    HistoryBuilder month(String month, Object... metricsAndValues) {
        Map<Metric, BigDecimal> values = months.computeIfAbsent(YearMonth.parse(month), m -> new EnumMap<>(Metric.class));
        for (int i = 0; i < metricsAndValues.length; i += 2) {
            values.put((Metric) metricsAndValues[i], new BigDecimal(metricsAndValues[i + 1].toString()));
        }
        return this;
    }

    /** The same figures in each of the given months. */
    HistoryBuilder months(List<String> monthList, Object... metricsAndValues) {
        for (String month : monthList) {
            month(month, metricsAndValues);
        }
        return this;
    }

    /** Removes a metric from every month so far. */
    HistoryBuilder without(Metric metric) {
        months.values().forEach(values -> values.remove(metric));
        return this;
    }

    HistoryBuilder incident(String date, IncidentCategory category) {
        incidents.add(new IncidentFact(LocalDate.parse(date), category));
        return this;
    }

    HistoryBuilder poll(String closedOn, String share) {
        polls.put(LocalDate.parse(closedOn), new BigDecimal(share));
        return this;
    }

    ClientHistory build() {
        List<MonthlyFigures> figures = new ArrayList<>();
        months.forEach((month, values) -> figures.add(new MonthlyFigures(month, values)));
        return ClientHistory.of(clientId, terms, defaultEndpoints, figures, incidents, polls);
    }

    @Override
    public String toString() {
        return "history " + months + " incidents " + incidents + " polls " + polls;
    }
}
