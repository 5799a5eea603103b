package com.mspscorecard.scoring.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;
import java.util.stream.Stream;

import static com.mspscorecard.metrics.Metric.*;
import static com.mspscorecard.scoring.engine.HistoryBuilder.client;
import static com.mspscorecard.scoring.engine.IncidentCategory.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each dealbreaker of the default model, scored for June 2026, held and not held. */
class DealbreakersTests {

    static final YearMonth JUNE = YearMonth.of(2026, 6);
    static final ScoringModel MODEL = ScoringModel.defaults();

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("abusive_treatment", client().incident("2026-06-30", ABUSIVE_TREATMENT),
                        "1 incident of abusive treatment of staff in the last 12 months"),
                arguments("abusive_treatment", client().incident("2025-07-01", ABUSIVE_TREATMENT).incident("2025-08-01", ABUSIVE_TREATMENT),
                        "2 incidents of abusive treatment of staff in the last 12 months"),
                arguments("abusive_treatment", client().incident("2025-06-30", ABUSIVE_TREATMENT), null),
                arguments("abusive_treatment", client().incident("2026-06-01", UNREASONABLE_DEMANDS), null),

                arguments("recurring_late_payments", client().month("2026-01", LATE_PAYMENTS, 1).month("2026-06", LATE_PAYMENTS, 2),
                        "3 late payments in the last 6 months; terms are net 30 days"),
                arguments("recurring_late_payments", client().month("2026-06", LATE_PAYMENTS, 2), null),
                arguments("recurring_late_payments", client().month("2025-12", LATE_PAYMENTS, 1).month("2026-06", LATE_PAYMENTS, 2), null),
                arguments("recurring_late_payments", client().terms(PaymentTerms.PREPAID).month("2026-03", LATE_PAYMENTS, 1),
                        "1 late payment in the last 6 months; terms are prepaid"),
                arguments("recurring_late_payments", client().terms(PaymentTerms.PREPAID).month("2026-03", LATE_PAYMENTS, 0), null),
                arguments("recurring_late_payments", client().terms(PaymentTerms.PREPAID), null),

                arguments("repeated_security_alarms", client()
                                .month("2025-08", RECOMMENDATIONS_IMPLEMENTED, 2, RECOMMENDATIONS_IGNORED, 2)
                                .month("2026-06", SECURITY_INCIDENTS, 3),
                        "3 security incidents in the last 6 months while 50.0% of recommendations were ignored in the last 12 months"),
                arguments("repeated_security_alarms", client()
                        .month("2026-06", SECURITY_INCIDENTS, 3, RECOMMENDATIONS_IMPLEMENTED, 3, RECOMMENDATIONS_IGNORED, 2), null),
                arguments("repeated_security_alarms", client()
                        .month("2026-06", SECURITY_INCIDENTS, 2, RECOMMENDATIONS_IMPLEMENTED, 0, RECOMMENDATIONS_IGNORED, 5), null),
                arguments("repeated_security_alarms", client()
                        .month("2025-12", SECURITY_INCIDENTS, 3).month("2026-06", RECOMMENDATIONS_IMPLEMENTED, 0, RECOMMENDATIONS_IGNORED, 5), null),
                arguments("repeated_security_alarms", client().month("2026-06", SECURITY_INCIDENTS, 5), null),

                arguments("disrespect", client().incident("2025-09-01", DISRESPECT_OF_EXPERTISE).incident("2026-05-01", UNREASONABLE_DEMANDS),
                        "2 incidents of disrespect for our expertise or unreasonable demands in the last 12 months"),
                arguments("disrespect", client().incident("2026-05-01", UNREASONABLE_DEMANDS).incident("2026-05-02", OTHER), null),
                arguments("disrespect", client().incident("2025-06-30", DISRESPECT_OF_EXPERTISE).incident("2026-05-01", DISRESPECT_OF_EXPERTISE), null));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void holdsWithAPlainReasonOrNot(String key, HistoryBuilder history, String reason) {
        Dealbreaker dealbreaker = Dealbreakers.byKey(key).orElseThrow();

        Optional<Explanation> result = dealbreaker.check(history.build(), JUNE, MODEL.dealbreaker(key).orElseThrow());

        if (reason == null) {
            assertThat(result).isEmpty();
        } else {
            assertThat(result).map(com.mspscorecard.scoring.EnglishSentences::of).hasValue(reason);
            assertThat(result).map(Explanation::code).hasValue("dealbreaker." + key);
        }
    }

    @Test
    void aDealbreakerSwitchedOffDoesNotOffboard() {
        ClientHistory abusive = client().incident("2026-06-01", ABUSIVE_TREATMENT).build();
        ScoringModel off = MODEL.withDealbreaker(MODEL.dealbreaker("abusive_treatment").orElseThrow().withEnabled(false));

        Scorecard on = ScoringEngine.score(MODEL, abusive, JUNE, null, null);
        Scorecard without = ScoringEngine.score(off, abusive, JUNE, null, null);

        assertThat(on.recommendation()).isEqualTo(Recommendation.OFFBOARD);
        assertThat(on.dealbreakers()).extracting(TriggeredDealbreaker::key).containsExactly("abusive_treatment");
        assertThat(without.recommendation()).isEqualTo(Recommendation.INSUFFICIENT_DATA);
        assertThat(without.dealbreakers()).isEmpty();
    }

    @Test
    void aRetunedThresholdIsRead() {
        ClientHistory history = client().month("2026-06", LATE_PAYMENTS, 3).build();
        DealbreakerSettings settings = MODEL.dealbreaker("recurring_late_payments").orElseThrow();
        Dealbreaker dealbreaker = Dealbreakers.byKey("recurring_late_payments").orElseThrow();

        assertThat(dealbreaker.check(history, JUNE, settings)).isPresent();
        assertThat(dealbreaker.check(history, JUNE, settings.withThreshold("min_late_payments", BigDecimal.valueOf(4)))).isEmpty();
        assertThat(dealbreaker.check(client().month("2026-01", LATE_PAYMENTS, 3).build(), JUNE,
                settings.withThreshold("window_months", BigDecimal.valueOf(3)))).isEmpty();
    }

    @Test
    void everyDealbreakerIsInTheDefaultModel() {
        assertThat(MODEL.dealbreakers()).extracting(DealbreakerSettings::key)
                .containsExactly("abusive_treatment", "recurring_late_payments", "repeated_security_alarms", "disrespect");
        assertThat(MODEL.dealbreakers()).allMatch(DealbreakerSettings::enabled);
    }
}
