package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

/** Recurring late payments; a prepaid client has no excuse for even one. */
record RecurringLatePaymentsDealbreaker(Thresholds.LatePayments defaults) implements Dealbreaker<Thresholds.LatePayments> {

    @Override
    public String key() {
        return "recurring_late_payments";
    }

    @Override
    public Thresholds.LatePayments thresholds(Map<String, BigDecimal> byName) {
        return Thresholds.LatePayments.of(byName);
    }

    @Override
    public Optional<Explanation> check(ClientHistory history, YearMonth month, Thresholds.LatePayments thresholds) {
        Window window = Window.of(history, month, thresholds.windowMonths());
        BigDecimal late = window.sum(Metric.LATE_PAYMENTS);
        if (late == null) {
            return Optional.empty();
        }
        boolean prepaid = history.terms() == PaymentTerms.PREPAID;
        int minimum = prepaid ? thresholds.minLatePaymentsPrepaid() : thresholds.minLatePayments();
        if (late.compareTo(BigDecimal.valueOf(minimum)) < 0) {
            return Optional.empty();
        }
        return Optional.of(Explanation.of("dealbreaker." + key(), Explanation.whole(late),
                Explanation.whole(window.length()), Explanation.word("explanation.terms." + history.terms().name().toLowerCase(java.util.Locale.ROOT))));
    }
}
