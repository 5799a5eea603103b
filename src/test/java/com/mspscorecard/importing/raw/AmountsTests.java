package com.mspscorecard.importing.raw;

import static org.assertj.core.api.Assertions.assertThat;

import com.mspscorecard.numbers.NumberReading;
import com.mspscorecard.numbers.NumberStyle;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountsTests {

    @ParameterizedTest(name = "{0} in a file with decimal {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1234.50         | .  | 1234.50
            '$1,234.50'     | .  | 1234.50
            '"$1,234.50"'   | .  | ''
            €1.234,50       | ,  | 1234.50
            €1.234,50       | .  | 1234.50
            € 1.234,50      | ,  | 1234.50
            '-€ 1.234,50'   | ,  | -1234.50
            '1 234,50'      | ,  | 1234.50
            (120.00)        | .  | -120.00
            (£1,200.00)     | .  | -1200.00
            £(1,200.00)     | .  | -1200.00
            -$120.00        | .  | -120.00
            $-120.00        | .  | -120.00
            -120            | .  | -120
            120.00 CR       | .  | -120.00
            120.00-         | .  | -120.00
            USD 99.00       | .  | 99.00
            EUR 1.234,50    | ,  | 1234.50
            99.00 EUR       | .  | 99.00
            1.234           | ,  | 1234
            0.5             | .  | 0.5
            """)
    void readsAmountsInEveryStyle(String text, char decimal, String expected) {
        NumberReading reading = Amounts.read(text, NumberStyle.csv(decimal));

        if (expected.isEmpty()) {
            assertThat(reading.ok()).isFalse();
            return;
        }
        assertThat(reading.problem()).isNull();
        assertThat(reading.value()).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            abc         | number.invalid
            12.3.4,5    | number.invalid
            '1,234'     | number.ambiguous
            (-120.00)   | number.invalid
            """)
    void refusesWhatCannotBeReadWithTheNumberReadersCode(String text, String code) {
        assertThat(Amounts.read(text, NumberStyle.csv('.')).problem()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1.234,50    | 1234.50
            '1,234.50'  | 1234.50
            '12,5'      | 12.5
            €99         | 99
            """)
    void withoutAStyleReadsTheOneItsSeparatorsSuggest(String text, String expected) {
        assertThat(Amounts.read(text).value()).isEqualByComparingTo(new BigDecimal(expected));
    }

    @org.junit.jupiter.api.Test
    void aBlankAmountIsNoValueAndNoProblem() {
        assertThat(Amounts.read("  ", NumberStyle.csv('.')).blank()).isTrue();
    }
}
