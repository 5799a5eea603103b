package com.mspscorecard.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The numbers in a scorecard's sentences read as the locale's own number format writes them. */
class ExplanationNumberTests {

    @Test
    void numbersAreWrittenAsTheLocalesNumberFormatWritesThem() {
        Random random = new Random(18);
        List<Locale> locales = List.of(Locale.ENGLISH, Locale.ITALIAN, Locale.GERMAN, Locale.FRENCH,
                Locale.forLanguageTag("sv"), Locale.forLanguageTag("de-CH"), Locale.forLanguageTag("ar-EG"));
        for (Locale locale : locales) {
            for (int i = 0; i < 2_000; i++) {
                BigDecimal value = BigDecimal.valueOf(random.nextLong() % 10_000_000, random.nextInt(7) - 2);
                assertThat(ExplanationText.number(value, locale)).as("%s in %s", value, locale)
                        .isEqualTo(numberFormat(value, locale));
            }
        }
        assertThat(ExplanationText.number(new BigDecimal("-12.50"), Locale.ITALIAN)).isEqualTo("-12,50");
        assertThat(ExplanationText.number(new BigDecimal("1234.5"), Locale.ENGLISH)).isEqualTo("1234.5");
    }

    private static String numberFormat(BigDecimal value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(false);
        int scale = Math.max(0, value.scale());
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
