package com.mspscorecard.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers as people type them, in each style the product reads: a page in Italian or English
 * (lenient: the other convention's decimal separator is taken where it cannot be grouping) and a
 * CSV file's dialect (strict). Every row says what the person typed and what the reader made of it.
 */
class NumberReaderTests {

    @ParameterizedTest(name = "{0} page, scale {1}: ''{2}'' → {3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            it | 2 | 2.500,00        | 2500.00
            it | 2 | 2500,00         | 2500.00
            it | 2 | 2.480,50        | 2480.50
            it | 2 | 2480,50         | 2480.50
            it | 2 | 2480.50         | 2480.50
            it | 2 | 1.234.567,89    | 1234567.89
            it | 2 | 1.234.567       | 1234567
            it | 2 | 1 234,50        | 1234.50
            it | 2 | '1\u00a0234,50'  | 1234.50
            it | 2 | 0.500           | 0.5
            it | 2 | ,5              | 0.5
            it | 2 | -12,5           | -12.5
            it | 2 | (1.234,00)      | -1234.00
            it | 0 | 1.234           | 1234
            it | 0 | 12              | 12
            it | 2 | 1,25            | 1.25
            it | 2 | 2,500.00        | 2500.00
            en | 2 | 2,500.00        | 2500.00
            en | 2 | 2500.00         | 2500.00
            en | 2 | 2500,00         | 2500.00
            en | 2 | 1,234,567.89    | 1234567.89
            en | 2 | 1.25            | 1.25
            en | 0 | 1,234           | 1234
            en | 2 | 1.000,50        | 1000.50
            en | 2 | '  7  '          | 7
            en | 2 | 007             | 7
            """)
    void readsWhatPeopleTypeOnAPage(String language, int scale, String text, String expected) {
        NumberReading reading = NumberReader.read(text, NumberStyle.of(Locale.forLanguageTag(language)), scale);
        assertThat(reading.problem()).isNull();
        assertThat(reading.value()).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "{0} page, scale {1}: ''{2}'' → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            it | 2 | 1.234      | number.ambiguous
            it | 2 | 12.345     | number.ambiguous
            en | 2 | 1,234      | number.ambiguous
            en | 2 | 1,250      | number.ambiguous
            en | 2 | 1.250      | number.ambiguous
            it | 2 | 1,250      | number.ambiguous
            en | 0 | 2.000      | number.ambiguous
            it | 2 | 2.48,50    | number.invalid
            it | 2 | 1.2345,00  | number.invalid
            it | 2 | 2,500,00   | number.invalid
            en | 2 | 1.000.50   | number.invalid
            en | 2 | 12 5       | number.invalid
            en | 2 | abc        | number.invalid
            en | 2 | 1e3        | number.invalid
            en | 2 | €100       | number.invalid
            en | 2 | .          | number.invalid
            en | 2 | --5        | number.invalid
            en | 2 | 1234567890123456789 | number.tooLarge
            en | 2 | 0.1234567890123456789 | number.tooManyDecimals
            """)
    void refusesWhatItCannotReadOrCouldMisread(String language, int scale, String text, String problem) {
        NumberReading reading = NumberReader.read(text, NumberStyle.of(Locale.forLanguageTag(language)), scale);
        assertThat(reading.problem()).isEqualTo(problem);
        assertThat(reading.value()).isNull();
    }

    @Test
    void anAmbiguousValueNamesBothReadingsInThePagesOwnWriting() {
        assertThat(NumberReader.read("1.234", NumberStyle.ITALIAN, 2).args()).containsExactly("1.234", "1234", "1,234");
        assertThat(NumberReader.read("1,234", NumberStyle.ENGLISH, 2).args()).containsExactly("1,234", "1234", "1.234");
    }

    @Test
    void blankIsNoDataNotZero() {
        assertThat(NumberReader.read("  ", NumberStyle.ITALIAN, 2).blank()).isTrue();
        assertThat(NumberReader.read(null, NumberStyle.ITALIAN, 2).blank()).isTrue();
    }

    @ParameterizedTest(name = "decimal ''{0}'', scale {1}: ''{2}'' → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            , | 2 | 1.234,50     | 1234.50
            , | 2 | 1.234        | 1234
            , | 2 | 2.500        | 2500
            , | 2 | 1.234.567    | 1234567
            , | 2 | 1 234,5      | 1234.5
            , | 0 | 1.234        | 1234
            . | 2 | 2,500.00     | 2500.00
            . | 2 | 1,234,567    | 1234567
            . | 0 | 1,234        | 1234
            . | 2 | 1.25         | 1.25
            """)
    void aCsvFileAcceptsGroupingWhereItsDialectMakesItUnambiguous(char decimal, int scale, String text,
            String expected) {
        NumberReading reading = NumberReader.read(text, NumberStyle.csv(decimal), scale);
        assertThat(reading.problem()).isNull();
        assertThat(reading.value()).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "decimal ''{0}'', scale {1}: ''{2}'' → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            , | 2 | 2480.50      | number.otherDecimal
            , | 2 | 1,234.50     | number.invalid
            . | 2 | 12,5         | number.otherDecimal
            . | 2 | 1,250        | number.ambiguous
            . | 2 | 2.500        | number.ambiguous
            , | 2 | 2,500        | number.ambiguous
            . | 2 | 1.234,50     | number.invalid
            """)
    void aCsvFileNeverTakesTheOtherConventionsDecimalSeparator(char decimal, int scale, String text, String problem) {
        assertThat(NumberReader.read(text, NumberStyle.csv(decimal), scale).problem()).isEqualTo(problem);
    }
}
