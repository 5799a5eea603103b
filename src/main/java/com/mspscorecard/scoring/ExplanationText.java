package com.mspscorecard.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.mspscorecard.scoring.engine.Explanation;
import com.mspscorecard.scoring.engine.Quantity;
import com.mspscorecard.scoring.engine.Rule;
import com.mspscorecard.scoring.engine.Rules;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * The engine's sentences in the reader's language: {@code explanation.<code>} from the scoring
 * bundle with the sentence's numbers written for the locale (Italian decimal comma). Without a
 * message, or without the numbers the message needs, the engine's English text is kept, so a
 * page never shows a raw code. The JSON API does not use this: it stays English.
 */
@Component
public class ExplanationText {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * How each code's args are written, one letter per arg: P a number as the engine wrote it,
     * Q a number without trailing zeros, F a fraction as a percentage with one decimal, T a
     * fraction as a percentage without trailing zeros, f/p signed F/P, N the negated number,
     * I a whole number (kept as a number for plural choices), S as it is.
     */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("reason.dependency_risk", "F"),
            Map.entry("reason.insufficient_data", "FT"),
            Map.entry("reason.keep", "SP"),
            Map.entry("reason.grade", "SP"),
            Map.entry("reason.worsening", "NPP"),
            Map.entry("reason.drain", "FFSII"),
            Map.entry("reason.raise_price", "PPPPQQ"),
            Map.entry("reason.suggested_price", "PT"),
            Map.entry("reason.suggested_price.increase", "PPpfT"),
            Map.entry("dealbreaker.abusive_treatment", "II"),
            Map.entry("dealbreaker.disrespect", "II"),
            Map.entry("dealbreaker.recurring_late_payments", "IIS"),
            Map.entry("dealbreaker.repeated_security_alarms", "IIFI"));

    private final MessageSource messages;

    ExplanationText(MessageSource messages) {
        this.messages = messages;
    }

    /** The sentence in the locale, or its English text. */
    public String of(Explanation explanation, Locale locale) {
        Object[] args;
        try {
            args = args(explanation.code(), explanation.args(), locale);
        } catch (RuntimeException unexpected) {
            args = null;
        }
        return args == null ? explanation.text() : message(explanation.code(), args, explanation.text(), locale);
    }

    private String message(String code, Object[] args, String english, Locale locale) {
        try {
            return messages.getMessage("explanation." + code, args, locale);
        } catch (NoSuchMessageException missing) {
            return english;
        }
    }

    private static Object[] args(String code, List<Object> args, Locale locale) {
        if (code.startsWith("rule.")) {
            return ruleArgs(code, args, locale);
        }
        String kinds = KINDS.get(code);
        if (kinds == null || kinds.length() != args.size()) {
            return null;
        }
        Object[] out = new Object[args.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = arg(kinds.charAt(i), args.get(i), locale);
        }
        return out;
    }

    /** {0} value, {1} window months, {2} good, {3} bad, {4} sub-score, {5} value for plurals, {6} poll day. */
    private static Object[] ruleArgs(String code, List<Object> args, Locale locale) {
        if (code.endsWith(".no_data")) {
            return args.size() == 1 ? new Object[] {args.get(0)} : null;
        }
        Rule rule = Rules.byKey(code.substring("rule.".length())).orElse(null);
        if (rule == null || args.size() != 6) {
            return null;
        }
        Quantity quantity = rule.quantity();
        BigDecimal value = (BigDecimal) args.get(0);
        return new Object[] {value(quantity, value, locale), args.get(1), threshold(quantity, (BigDecimal) args.get(2), locale),
                threshold(quantity, (BigDecimal) args.get(3), locale), number((BigDecimal) args.get(4), locale),
                value.setScale(0, RoundingMode.HALF_UP).compareTo(BigDecimal.ONE) == 0 ? 1 : 2,
                args.get(5) == null ? "" : String.valueOf(args.get(5))};
    }

    private static Object arg(char kind, Object arg, Locale locale) {
        return switch (kind) {
            case 'P' -> number((BigDecimal) arg, locale);
            case 'Q' -> number(stripped((BigDecimal) arg), locale);
            case 'N' -> number(((BigDecimal) arg).negate(), locale);
            case 'F' -> value(Quantity.FRACTION, (BigDecimal) arg, locale);
            case 'T' -> threshold(Quantity.FRACTION, (BigDecimal) arg, locale);
            case 'p' -> signed(number((BigDecimal) arg, locale), (BigDecimal) arg);
            case 'f' -> signed(value(Quantity.FRACTION, (BigDecimal) arg, locale), (BigDecimal) arg);
            case 'I' -> arg instanceof BigDecimal d ? d.setScale(0, RoundingMode.HALF_UP).intValueExact() : arg;
            default -> String.valueOf(arg);
        };
    }

    private static String signed(String text, BigDecimal value) {
        return value.signum() > 0 ? "+" + text : text;
    }

    /** As {@link Quantity#format}, in the locale. */
    static String value(Quantity quantity, BigDecimal value, Locale locale) {
        String formatted = quantity.format(value);
        boolean percent = formatted.endsWith("%");
        BigDecimal number = new BigDecimal(percent ? formatted.substring(0, formatted.length() - 1) : formatted);
        return number(number, locale) + (percent ? "%" : "");
    }

    /** As {@link Quantity#formatThreshold}, in the locale. */
    static String threshold(Quantity quantity, BigDecimal value, Locale locale) {
        return quantity == Quantity.FRACTION ? number(stripped(value.multiply(HUNDRED)), locale) + "%"
                : number(stripped(value), locale);
    }

    private static BigDecimal stripped(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The number with exactly its own decimals, no grouping: "12.5" in English, "12,5" in Italian. */
    static String number(BigDecimal value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(false);
        int scale = Math.max(0, value.scale());
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
