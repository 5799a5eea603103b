package com.mspscorecard.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.mspscorecard.metrics.Metric;
import com.mspscorecard.metrics.SnapshotQueries;
import org.springframework.stereotype.Component;

/**
 * Revenue and delivery cost of every client over the three months ending at a month, from one
 * windowed read of the snapshots.
 */
@Component
class MoneyWindow {

    static final int MONTHS = 3;

    private final SnapshotQueries snapshots;

    MoneyWindow(SnapshotQueries snapshots) {
        this.snapshots = snapshots;
    }

    /**
     * @param revenue revenue over the window; null without any revenue figure
     * @param margin  (revenue − cost) ÷ revenue over the months with both figures; null without them
     */
    record ClientMoney(BigDecimal revenue, BigDecimal margin) {
    }

    /** @param revenueByMonth revenue of the active clients per month of the window, oldest first */
    record Totals(Map<Long, ClientMoney> byClient, Map<YearMonth, BigDecimal> revenueByMonth) {

        public BigDecimal revenue() {
            return revenueByMonth.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        ClientMoney of(long clientId) {
            return byClient.getOrDefault(clientId, new ClientMoney(null, null));
        }
    }

    Totals endingAt(YearMonth month, Set<Long> activeClients) {
        Map<YearMonth, BigDecimal> byMonth = new TreeMap<>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            byMonth.put(month.minusMonths(i), BigDecimal.ZERO);
        }
        // revenue, revenue of months with a cost, cost of months with a revenue
        Map<Long, BigDecimal[]> sums = new HashMap<>();
        snapshots.forEachBetween(month.minusMonths(MONTHS - 1), month, figures -> {
            BigDecimal revenue = figures.values().get(Metric.REVENUE);
            BigDecimal cost = figures.values().get(Metric.DELIVERY_COST);
            if (revenue == null || !activeClients.contains(figures.clientId())) {
                return;
            }
            byMonth.merge(figures.month(), revenue, BigDecimal::add);
            BigDecimal[] s = sums.computeIfAbsent(figures.clientId(),
                    id -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(revenue);
            if (cost != null) {
                s[1] = s[1].add(revenue);
                s[2] = s[2].add(cost);
            }
        });
        Map<Long, ClientMoney> byClient = new HashMap<>();
        sums.forEach((clientId, s) -> {
            BigDecimal margin = s[1].signum() == 0 ? null : s[1].subtract(s[2]).divide(s[1], 4, RoundingMode.HALF_UP);
            byClient.put(clientId, new ClientMoney(s[0], margin));
        });
        return new Totals(byClient, byMonth);
    }
}
