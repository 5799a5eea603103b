package com.mspscorecard.dashboard;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Money in the configured currency, written the way the reader's locale writes it
 * ({@code €12,345.00} in English, {@code 12.345,00 €} in Italian). Templates call
 * {@code ${@money.format(amount, currency, #locale)}}; {@code whole} drops the cents for headline figures.
 */
@Component("money")
public class MoneyFormat {

    public String format(BigDecimal amount, String currency, Locale locale) {
        return format(amount, currency, locale, 2);
    }

    public String whole(BigDecimal amount, String currency, Locale locale) {
        return format(amount, currency, locale, 0);
    }

    private static String format(BigDecimal amount, String currency, Locale locale, int digits) {
        if (amount == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            format.setCurrency(Currency.getInstance(currency));
        }
        catch (IllegalArgumentException | NullPointerException e) {
            // An unknown code in the settings still shows the amount, in the locale's currency symbol.
        }
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(amount);
    }
}
