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
record RepeatedSecurityAlarmsDealbreaker(Thresholds.SecurityAlarms defaults)
        implements Dealbreaker<Thresholds.SecurityAlarms> {

    @Override
    public String key() {
        return "repeated_security_alarms";
    }

    @Override
    public Thresholds.SecurityAlarms thresholds(Map<String, BigDecimal> byName) {
        return Thresholds.SecurityAlarms.of(byName);
    }

    @Override
    public Optional<Explanation> check(ClientHistory history, YearMonth month, Thresholds.SecurityAlarms thresholds) {
        Window alarms = Window.of(history, month, thresholds.securityWindowMonths());
        BigDecimal incidents = alarms.sum(Metric.SECURITY_INCIDENTS);
        if (incidents == null || incidents.compareTo(BigDecimal.valueOf(thresholds.minSecurityIncidents())) < 0) {
            return Optional.empty();
        }
        Window advice = Window.of(history, month, thresholds.recommendationsWindowMonths());
        BigDecimal ignored = advice.ignoredRecommendations();
        if (ignored == null || ignored.compareTo(thresholds.minIgnoredShare()) < 0) {
            return Optional.empty();
        }
        return Optional.of(Explanation.of("dealbreaker." + key(), Explanation.whole(incidents),
                Explanation.whole(alarms.length()), Explanation.fraction(ignored), Explanation.whole(advice.length())));
    }
}
