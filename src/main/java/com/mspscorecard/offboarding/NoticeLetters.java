package com.mspscorecard.offboarding;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.mspscorecard.contracts.ContractDeadline;
import com.mspscorecard.documents.ClientSafeWording;
import com.mspscorecard.documents.LetterTemplates;
import com.mspscorecard.documents.Placeholders;
import org.springframework.stereotype.Component;

/**
 * Draft notice letters: the owner's template in the chosen language, its placeholders filled with
 * the client, the contract's dates, the exit date and the reasons in client-safe words.
 */
@Component
class NoticeLetters {

    private final LetterTemplates templates;
    private final ClientSafeWording wording;
    private final String currency;

    NoticeLetters(LetterTemplates templates, ClientSafeWording wording,
            @org.springframework.beans.factory.annotation.Value("${scorecard.currency:EUR}") String currency) {
        this.templates = templates;
        this.wording = wording;
        this.currency = currency;
    }

    /** A draft price-raise letter: the service's cost in client-safe words, never "difficult client". */
    String priceRaise(String clientName, java.math.BigDecimal current, java.math.BigDecimal proposed,
            LocalDate effectiveOn, String language, LocalDate today) {
        Locale locale = Locale.forLanguageTag(language);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        java.text.NumberFormat money = java.text.NumberFormat.getCurrencyInstance(locale);
        money.setCurrency(java.util.Currency.getInstance(currency));
        Map<String, String> values = new HashMap<>();
        values.put("client", clientName);
        values.put("date", dates.format(today));
        values.put("new_price", money.format(proposed));
        if (current != null) {
            values.put("current_price", money.format(current));
            values.put("increase", money.format(proposed.subtract(current)));
            if (current.signum() > 0) {
                java.text.NumberFormat percent = java.text.NumberFormat.getPercentInstance(locale);
                percent.setMaximumFractionDigits(1);
                values.put("increase_percent", "+" + percent.format(proposed.subtract(current)
                        .divide(current, 4, java.math.RoundingMode.HALF_UP)));
            }
        }
        if (effectiveOn != null) {
            values.put("effective_date", dates.format(effectiveOn));
        }
        values.put("reasons", String.join("; ", wording.reasons(java.util.List.of("raise_price"), locale)));
        return Placeholders.fill(templates.template("PRICE_RAISE", language), values);
    }

    String draft(String clientName, ContractDeadline deadline, LocalDate exitDate, Collection<String> reasonCodes,
            String language, LocalDate today) {
        Locale locale = Locale.forLanguageTag(language);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        Map<String, String> values = new HashMap<>();
        values.put("client", clientName);
        values.put("date", dates.format(today));
        if (deadline.contract().contractEnd() != null) {
            values.put("contract_end", dates.format(deadline.contract().contractEnd()));
        }
        if (deadline.contract().noticePeriodDays() != null) {
            values.put("notice_period_days", deadline.contract().noticePeriodDays().toString());
        }
        if (exitDate != null) {
            values.put("exit_date", dates.format(exitDate));
        }
        values.put("reasons", String.join("; ", wording.reasons(reasonCodes, locale)));
        return Placeholders.fill(templates.template("NOTICE", language), values);
    }
}
