package com.mspscorecard.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mspscorecard.scoring.engine.Quantity;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Where every sentence of a scorecard is written, in every language, the API's English included:
 * {@code explanation.<code>} from the scoring bundle, its arguments formatted by their kind (see
 * {@link com.mspscorecard.scoring.engine.Explanation}) for the locale (Italian decimal comma). A
 * measured value is rounded here exactly as the breakdown table beside the sentence rounds it
 * ({@link #value}).
 */
@Component
class ExplanationText {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final Map<Locale, DecimalFormatSymbols> SYMBOLS = new ConcurrentHashMap<>();

    private final MessageSource messages;

    ExplanationText(MessageSource messages) {
        this.messages = messages;
    }

    /** The sentence in the locale; its code when the bundle has no such message (never expected). */
    String of(String code, List<String> args, Locale locale) {
        Object[] formatted = new Object[args.size()];
        for (int i = 0; i < formatted.length; i++) {
            formatted[i] = arg(args.get(i), locale);
            if (formatted[i] instanceof Worded worded) {
                formatted[i] = worded.in(messages, locale);
            }
        }
        try {
            return messages.getMessage("explanation." + code, formatted, locale);
        } catch (NoSuchMessageException missing) {
            return code;
        }
    }

    /** An argument written from the bundles: a word by its key, or the clause of a window's real coverage. */
    private record Worded(String key, Object[] args) {

        String in(MessageSource messages, Locale locale) {
            return messages.getMessage(key, args, key, locale);
        }
    }

    private static Object arg(String arg, Locale locale) {
        char kind = arg.charAt(0);
        String text = arg.substring(1);
        if (kind == 'S') {
            return text;
        }
        if (kind == 'W') {
            return new Worded(text, null);
        }
        if (kind == 'H') {
            return new Worded("explanation.window.covered", new Object[] {Integer.parseInt(text)});
        }
        BigDecimal value = new BigDecimal(text);
        return switch (kind) {
            case 'P' -> number(value, locale);
            case 'Q' -> number(stripped(value), locale);
            case 'N' -> number(value.negate(), locale);
            case 'p' -> signed(number(value, locale), value);
            case 'f' -> signed(value(Quantity.FRACTION, value, locale), value);
            case 'T' -> threshold(Quantity.FRACTION, value, locale);
            case 'I' -> value.setScale(0, RoundingMode.HALF_UP).intValueExact();
            default -> {
                Quantity quantity = Quantity.ofKind(kind);
                if (quantity == null) {
                    throw new IllegalArgumentException("unknown argument kind in " + arg);
                }
                yield value(quantity, value, locale);
            }
        };
    }

    private static String signed(String text, BigDecimal value) {
        return value.signum() > 0 ? "+" + text : text;
    }

    /** A measured value as sentences and tables show it: {@link Quantity#rounded}, in the locale. */
    static String value(Quantity quantity, BigDecimal value, Locale locale) {
        return number(quantity.rounded(value), locale) + (quantity == Quantity.FRACTION ? "%" : "");
    }

    /** A threshold without trailing zeros ("0.5", "20%"), in the locale. */
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
        DecimalFormatSymbols symbols = SYMBOLS.computeIfAbsent(locale, DecimalFormatSymbols::getInstance);
        if (symbols.getZeroDigit() != '0') {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setGroupingUsed(false);
            int scale = Math.max(0, value.scale());
            format.setMinimumFractionDigits(scale);
            format.setMaximumFractionDigits(scale);
            format.setRoundingMode(RoundingMode.HALF_UP);
            return format.format(value);
        }
        // What the locale's NumberFormat writes at the value's own scale without grouping, without
        // building one per argument: a scorecard page writes about a hundred (issue 18's profile).
        String plain = (value.scale() < 0 ? value.setScale(0) : value).toPlainString();
        return plain.replace('.', symbols.getDecimalSeparator()).replace('-', symbols.getMinusSign());
    }
}
