package com.mspscorecard.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * COPY text as PostgreSQL reads it back into the same values: numbers exactly as
 * {@link BigDecimal#toPlainString()} writes them (what the bulk writers wrote before this class),
 * dates as ISO dates, and nothing that would need escaping.
 */
class CopyLineTests {

    private final Random random = new Random(20261130);

    @Test
    void unscaledValuesAreWrittenAsTheirPlainDecimal() {
        long[] edges = {0, 1, 9, 10, 99, 100, 12345, -1, -5, -12345, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
        for (int scale = 0; scale <= 6; scale++) {
            for (long value : edges) {
                assertWritten(value, scale);
            }
            for (int i = 0; i < 2_000; i++) {
                long value = random.nextLong() >> random.nextInt(64);
                assertWritten(value, scale);
            }
        }
    }

    @Test
    void decimalsAreWrittenExactlyAsToPlainString() {
        for (int i = 0; i < 5_000; i++) {
            BigDecimal value = new BigDecimal(BigInteger.valueOf(random.nextLong() >> random.nextInt(64)),
                    random.nextInt(12) - 2);
            assertThat(new CopyLine(8).decimal(value).toString()).as("%s", value).isEqualTo(value.toPlainString());
        }
        BigDecimal huge = new BigDecimal("123456789012345678901234567890.123456789");
        assertThat(new CopyLine(8).decimal(huge).toString()).isEqualTo(huge.toPlainString());
        assertThat(new CopyLine(8).decimal(new BigDecimal("0.00")).toString()).isEqualTo("0.00");
        assertThat(new CopyLine(8).decimal(new BigDecimal("1E+3")).toString()).isEqualTo("1000");
    }

    /** Stored scorecards are compared as COPY text with what a rescore would write: a different form rewrites rows. */
    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "0.000", "7", "100.0", "77.3", "0.0702", "4.8800", "-3.5", "-0.0001",
            "123456789012.34", "0.000000001", "1E+3", "12345678901234567890.5", "999999999999999999",
            "0.999999999999999999", "0.100000000000000000", "0.000000000000000001"})
    void scoreLikeNumbersAreWrittenAsPlainStrings(String text) {
        BigDecimal value = new BigDecimal(text);
        assertThat(new CopyLine(1).decimal(value).toString()).isEqualTo(value.toPlainString());
    }

    @Test
    void aRowIsFieldsBetweenTabsEndedByANewline() {
        CopyLine line = new CopyLine(4)
                .integer(42).tab().month(YearMonth.of(2026, 3)).tab().date(LocalDate.of(2026, 11, 30)).tab()
                .unscaled(12345, 2).tab().nullValue().tab().bool(true).tab().bool(false).tab().text("KEEP").newline();

        assertThat(line.toString()).isEqualTo("42\t2026-03-01\t2026-11-30\t123.45\t\\N\tt\tf\tKEEP\n");
        assertThat(line.toByteArray()).hasSize(line.length());
        line.reset();
        assertThat(line.length()).isZero();
        assertThat(line.toString()).isEmpty();
    }

    @Test
    void textIsWrittenInUtf8AndWhatWouldNeedEscapingIsRefused() {
        assertThat(new CopyLine(2).text("Sàlvo").text(" già").toByteArray())
                .isEqualTo("Sàlvo già".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        for (String bad : new String[] {"a\tb", "a\nb", "a\\b", "a\rb", "città\tb"}) {
            CopyLine line = new CopyLine(8).text("kept");
            assertThatThrownBy(() -> line.text(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThat(line.toString()).as("what was written before the refused text").isEqualTo("kept");
        }
    }

    @Test
    void datesOutsideFourDigitYearsAreWrittenAsIsoDates() {
        assertThat(new CopyLine(4).date(LocalDate.of(999, 1, 5)).toString()).isEqualTo("0999-01-05");
        assertThat(new CopyLine(4).month(YearMonth.of(10000, 12)).toString()).isEqualTo("+10000-12-01");
    }

    private static void assertWritten(long value, int scale) {
        assertThat(new CopyLine(1).unscaled(value, scale).toString()).as("%d at scale %d", value, scale)
                .isEqualTo(BigDecimal.valueOf(value, scale).toPlainString());
    }
}
