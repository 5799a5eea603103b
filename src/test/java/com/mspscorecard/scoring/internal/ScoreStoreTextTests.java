package com.mspscorecard.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stored scorecards are compared as COPY text with what a rescore would write, so the fast number
 * writer must give exactly {@link BigDecimal#toPlainString()}, or every edit would rewrite rows.
 */
class ScoreStoreTextTests {

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "0.000", "7", "100.0", "77.3", "0.0702", "4.8800", "-3.5", "-0.0001",
            "123456789012.34", "0.000000001", "1E+3", "12345678901234567890.5", "999999999999999999",
            "0.999999999999999999", "0.100000000000000000", "0.000000000000000001"})
    void numbersAreWrittenAsPlainStrings(String text) {
        BigDecimal value = new BigDecimal(text);
        StringBuilder out = new StringBuilder();
        CopyText.plain(out, value);
        assertThat(out).hasToString(value.toPlainString());
    }

    private static final long[] POWERS = {10L, 1_000L, 100_000L, 10_000_000_000L, 1_000_000_000_000_000_000L};

    @Test
    void anyScoreLikeNumberIsWrittenAsItsPlainString() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            BigDecimal value = BigDecimal.valueOf(random.nextLong() % POWERS[random.nextInt(POWERS.length)], random.nextInt(19));
            StringBuilder out = new StringBuilder();
            CopyText.plain(out, value);
            assertThat(out.toString()).isEqualTo(value.toPlainString());
        }
    }
}
