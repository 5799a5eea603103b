package com.mspscorecard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.thymeleaf.expression.Numbers;
import org.thymeleaf.expression.Temporals;

/**
 * The pages' numbers and months read the same whether a template writes them with Thymeleaf's
 * expression objects or with {@link Formats}: rounding, grouping, separators and month names included.
 */
class FormatsTests {

    private static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.ITALIAN, Locale.ITALY, Locale.US,
            Locale.GERMANY, Locale.FRANCE);

    @Test
    void decimalsAndPercentagesAreWrittenAsThymeleafWritesThem() {
        Random random = new Random(18);
        for (Locale locale : LOCALES) {
            Numbers numbers = new Numbers(locale);
            Formats formats = new Formats(locale);
            for (int i = 0; i < 2000; i++) {
                // Halves at the rounding digit, negative changes, thousands, whole numbers and zero.
                BigDecimal value = switch (i % 5) {
                    case 0 -> BigDecimal.valueOf(random.nextInt(20001) - 10000, 2);
                    case 1 -> BigDecimal.valueOf(random.nextInt(200) * 10L + 5, 2);
                    case 2 -> BigDecimal.valueOf(random.nextLong(10_000_000_000L), 2);
                    case 3 -> BigDecimal.valueOf(random.nextInt(1001), 3);
                    default -> BigDecimal.valueOf(random.nextInt(101));
                };
                for (int digits = 0; digits <= 2; digits++) {
                    assertThat(formats.decimal(value, digits))
                            .isEqualTo(numbers.formatDecimal(value, 1, "DEFAULT", digits, "DEFAULT"));
                    assertThat(formats.percent(value, digits))
                            .isEqualTo(numbers.formatPercent(value, 1, digits));
                }
                assertThat(formats.decimal(value.intValue(), 1))
                        .isEqualTo(numbers.formatDecimal(value.intValue(), 1, "DEFAULT", 1, "DEFAULT"));
            }
        }
    }

    @Test
    void monthsAreWrittenAsThymeleafWritesThem() {
        for (Locale locale : LOCALES) {
            Temporals temporals = new Temporals(locale);
            Formats formats = new Formats(locale);
            for (YearMonth month = YearMonth.of(2020, 1); month.isBefore(YearMonth.of(2027, 1)); month = month.plusMonths(1)) {
                assertThat(formats.month(month)).isEqualTo(temporals.format(month.atDay(1), "MMMM yyyy"));
                assertThat(formats.shortMonth(month)).isEqualTo(temporals.format(month.atDay(1), "MMM yyyy"));
            }
        }
        Formats italian = new Formats(Locale.ITALIAN);
        assertThat(italian.month(YearMonth.of(2026, 3))).isEqualTo("marzo 2026");
        assertThat(italian.decimal(new BigDecimal("1234.25"), 1)).isEqualTo("1.234,2");
    }

    @Test
    void nothingIsWrittenForNoValue() {
        Formats formats = new Formats(Locale.ENGLISH);
        assertThat(formats.decimal(null, 1)).isNull();
        assertThat(formats.percent(null, 1)).isNull();
        assertThat(formats.month(null)).isNull();
    }
}
