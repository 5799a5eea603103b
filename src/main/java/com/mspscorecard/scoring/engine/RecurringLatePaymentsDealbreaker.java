package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

/** Recurring late payments; a prepaid client has no excuse for even one. */
final class RecurringLatePaymentsDealbreaker implements Dealbreaker {

    static final String KEY = "recurring_late_payments";
    static final String MIN_LATE_PAYMENTS = "min_late_payments";
    static final String MIN_LATE_PAYMENTS_PREPAID = "min_late_payments_prepaid";
    static final String WINDOW_MONTHS = "window_months";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public DealbreakerSettings defaultSettings() {
        return new DealbreakerSettings(KEY, true, Map.of(
                MIN_LATE_PAYMENTS, BigDecimal.valueOf(3),
                MIN_LATE_PAYMENTS_PREPAID, BigDecimal.ONE,
                WINDOW_MONTHS, BigDecimal.valueOf(6)));
    }

    @Override
    public Optional<Explanation> check(ClientHistory history, YearMonth month, DealbreakerSettings settings) {
        Window window = Window.of(history, month, settings.count(WINDOW_MONTHS));
        BigDecimal late = window.sum(Metric.LATE_PAYMENTS);
        if (late == null) {
            return Optional.empty();
        }
        boolean prepaid = history.terms() == PaymentTerms.PREPAID;
        BigDecimal minimum = settings.threshold(prepaid ? MIN_LATE_PAYMENTS_PREPAID : MIN_LATE_PAYMENTS);
        if (late.compareTo(minimum) < 0) {
            return Optional.empty();
        }
        return Optional.of(Explanation.of("dealbreaker." + KEY,
                Words.count(late, "late payment", "late payments") + " " + window.inTheLast()
                        + "; terms are " + history.terms().name(),
                late, settings.count(WINDOW_MONTHS), history.terms().name()));
    }
}
