package com.mspscorecard.scoring.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSettingsTests {

    @ParameterizedTest(name = "good {0}, bad {1}: {2} → {3}")
    @CsvSource({
            // lower is better
            "0,    3,    -1,    100.0",
            "0,    3,    0,     100.0",
            "0,    3,    1,     66.7",
            "0,    3,    2,     33.3",
            "0,    3,    3,     0.0",
            "0,    3,    7,     0.0",
            "30,   60,   29.9,  100.0",
            "30,   60,   45,    50.0",
            "30,   60,   59,    3.3",
            "30,   60,   60.1,  0.0",
            // higher is better (gross margin)
            "0.60, 0.20, 0.75,  100.0",
            "0.60, 0.20, 0.60,  100.0",
            "0.60, 0.20, 0.40,  50.0",
            "0.60, 0.20, 0.35,  37.5",
            "0.60, 0.20, 0.20,  0.0",
            "0.60, 0.20, -0.30, 0.0",
            // a threshold rather than a range
            "5,    5,    5,     100.0",
            "5,    5,    5.01,  0.0",
    })
    void mapsAMeasurementLinearlyBetweenGoodAndBad(String good, String bad, String value, String expected) {
        RuleSettings settings = new RuleSettings("late_payments", Category.PAYMENT,
                new BigDecimal(good), new BigDecimal(bad), 10, 6, true);

        BigDecimal subScore = settings.subScore(new BigDecimal(value));

        assertThat(subScore.toPlainString()).isEqualTo(expected);
    }
}
