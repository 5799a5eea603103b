package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A dealbreaker's thresholds, typed: each kind of dealbreaker has its record. {@link #byName()}
 * gives them by the names the stored model and the editor use ({@code min_incidents},
 * {@code window_months}, …), in name order.
 */
public sealed interface Thresholds {

    Map<String, BigDecimal> byName();

    /**
     * The longest window of monthly figures the dealbreaker reads, in months (0 when it counts
     * incidents only): how far forward a month's figures can move its verdict ({@link ChangeReach}).
     */
    int figureWindowMonths();

    /** At least {@code minIncidents} incidents of the dealbreaker's categories in {@code windowMonths}. */
    record IncidentCount(int minIncidents, int windowMonths) implements Thresholds {

        public IncidentCount {
            atLeastOne("min_incidents", minIncidents);
            atLeastOne("window_months", windowMonths);
        }

        static IncidentCount of(Map<String, BigDecimal> byName) {
            return new IncidentCount(count(byName, "min_incidents"), count(byName, "window_months"));
        }

        @Override
        public Map<String, BigDecimal> byName() {
            return names("min_incidents", minIncidents, "window_months", windowMonths);
        }

        @Override
        public int figureWindowMonths() {
            return 0;
        }
    }

    /** At least {@code minLatePayments} late payments in {@code windowMonths}; {@code minLatePaymentsPrepaid} when prepaid. */
    record LatePayments(int minLatePayments, int minLatePaymentsPrepaid, int windowMonths) implements Thresholds {

        public LatePayments {
            atLeastOne("min_late_payments", minLatePayments);
            atLeastOne("min_late_payments_prepaid", minLatePaymentsPrepaid);
            atLeastOne("window_months", windowMonths);
        }

        static LatePayments of(Map<String, BigDecimal> byName) {
            return new LatePayments(count(byName, "min_late_payments"), count(byName, "min_late_payments_prepaid"),
                    count(byName, "window_months"));
        }

        @Override
        public Map<String, BigDecimal> byName() {
            return names("min_late_payments", minLatePayments, "min_late_payments_prepaid", minLatePaymentsPrepaid,
                    "window_months", windowMonths);
        }

        @Override
        public int figureWindowMonths() {
            return windowMonths;
        }
    }

    /**
     * At least {@code minSecurityIncidents} security incidents in {@code securityWindowMonths} while
     * at least {@code minIgnoredShare} (0–1) of recommendations were ignored in {@code recommendationsWindowMonths}.
     */
    record SecurityAlarms(int minSecurityIncidents, int securityWindowMonths, BigDecimal minIgnoredShare,
                          int recommendationsWindowMonths) implements Thresholds {

        public SecurityAlarms {
            atLeastOne("min_security_incidents", minSecurityIncidents);
            atLeastOne("security_window_months", securityWindowMonths);
            Objects.requireNonNull(minIgnoredShare, "min_ignored_share");
            if (minIgnoredShare.signum() < 0 || minIgnoredShare.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("min_ignored_share must be between 0 and 1: " + minIgnoredShare);
            }
            atLeastOne("recommendations_window_months", recommendationsWindowMonths);
        }

        static SecurityAlarms of(Map<String, BigDecimal> byName) {
            return new SecurityAlarms(count(byName, "min_security_incidents"), count(byName, "security_window_months"),
                    value(byName, "min_ignored_share"), count(byName, "recommendations_window_months"));
        }

        @Override
        public Map<String, BigDecimal> byName() {
            Map<String, BigDecimal> names = names("min_security_incidents", minSecurityIncidents,
                    "security_window_months", securityWindowMonths, "recommendations_window_months",
                    recommendationsWindowMonths);
            TreeMap<String, BigDecimal> all = new TreeMap<>(names);
            all.put("min_ignored_share", minIgnoredShare);
            return Collections.unmodifiableMap(all);
        }

        @Override
        public int figureWindowMonths() {
            return Math.max(securityWindowMonths, recommendationsWindowMonths);
        }
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
    }

    private static BigDecimal value(Map<String, BigDecimal> byName, String name) {
        BigDecimal value = byName.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing threshold " + name);
        }
        return value;
    }

    private static int count(Map<String, BigDecimal> byName, String name) {
        try {
            return value(byName, name).intValueExact();
        } catch (ArithmeticException notWhole) {
            throw new IllegalArgumentException(name + " must be a whole number: " + byName.get(name));
        }
    }

    private static Map<String, BigDecimal> names(Object... pairs) {
        TreeMap<String, BigDecimal> names = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            names.put((String) pairs[i], BigDecimal.valueOf((Integer) pairs[i + 1]));
        }
        return Collections.unmodifiableMap(names);
    }
}
