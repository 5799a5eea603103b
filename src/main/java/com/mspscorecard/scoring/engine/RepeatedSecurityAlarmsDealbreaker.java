package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

/**
 * Repeated security alarms at a client who ignores the advice that would prevent them. Alarms
 * alone do not count: a client who follows advice is not to blame for being attacked.
 */
final class RepeatedSecurityAlarmsDealbreaker implements Dealbreaker {

    static final String KEY = "repeated_security_alarms";
    static final String MIN_SECURITY_INCIDENTS = "min_security_incidents";
    static final String SECURITY_WINDOW_MONTHS = "security_window_months";
    static final String MIN_IGNORED_SHARE = "min_ignored_share";
    static final String RECOMMENDATIONS_WINDOW_MONTHS = "recommendations_window_months";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public DealbreakerSettings defaultSettings() {
        return new DealbreakerSettings(KEY, true, Map.of(
                MIN_SECURITY_INCIDENTS, BigDecimal.valueOf(3),
                SECURITY_WINDOW_MONTHS, BigDecimal.valueOf(6),
                MIN_IGNORED_SHARE, new BigDecimal("0.50"),
                RECOMMENDATIONS_WINDOW_MONTHS, BigDecimal.valueOf(12)));
    }

    @Override
    public Optional<Explanation> check(ClientHistory history, YearMonth month, DealbreakerSettings settings) {
        Window alarms = Window.of(history, month, settings.count(SECURITY_WINDOW_MONTHS));
        BigDecimal incidents = alarms.sum(Metric.SECURITY_INCIDENTS);
        if (incidents == null || incidents.compareTo(settings.threshold(MIN_SECURITY_INCIDENTS)) < 0) {
            return Optional.empty();
        }
        Window advice = Window.of(history, month, settings.count(RECOMMENDATIONS_WINDOW_MONTHS));
        BigDecimal ignored = IgnoredRecommendationsRule.ignoredShare(advice);
        if (ignored == null || ignored.compareTo(settings.threshold(MIN_IGNORED_SHARE)) < 0) {
            return Optional.empty();
        }
        return Optional.of(Explanation.of("dealbreaker." + KEY,
                Words.count(incidents, "security incident", "security incidents") + " " + alarms.inTheLast()
                        + " while " + Quantity.FRACTION.format(ignored) + " of recommendations were ignored "
                        + advice.inTheLast(),
                incidents, settings.count(SECURITY_WINDOW_MONTHS), ignored, settings.count(RECOMMENDATIONS_WINDOW_MONTHS)));
    }
}
