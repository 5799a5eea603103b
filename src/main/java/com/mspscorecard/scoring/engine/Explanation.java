package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A sentence as a fact: a stable {@code code} (the message {@code explanation.<code>} in the
 * scoring bundle) and its arguments. The engine writes no words; every language, the API's English
 * included, is written from the bundles when a scorecard is read.
 *
 * <p>Each argument is a kind letter followed by its value, so that a stored sentence says how its
 * numbers are written without a table per code: {@code P} a number as computed, {@code Q} a number
 * without trailing zeros, {@code N} a number negated, {@code p} a signed number, {@code F} a
 * fraction as a percentage to one decimal, {@code f} a signed {@code F}, {@code T} a fraction as a
 * percentage without trailing zeros, {@code C}, {@code R} and {@code D} a measured count, rate or
 * number of days (see {@link Quantity}), {@code I} a whole number (for plural choices), {@code S}
 * text, {@code W} a word from the bundles by its key (a rule's name, payment terms: never a code
 * in a sentence), {@code H} how many months of history a window longer than it really covers
 * (written as a clause; a lone {@code S} when the window is covered). No argument holds a space, {@code ;} or a backslash: a scorecard stores its sentences as
 * {@code code arg arg;code arg}.
 */
public record Explanation(String code, List<String> args) {

    public Explanation {
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
        for (String arg : args) {
            if (arg.length() < 2 && !(arg.length() == 1 && arg.charAt(0) == 'S')) {
                throw new IllegalArgumentException(code + ": an argument needs a kind and a value: '" + arg + "'");
            }
            for (int i = 0; i < arg.length(); i++) {
                char c = arg.charAt(i);
                if (c == ' ' || c == ';' || c == '\\' || c < ' ') {
                    throw new IllegalArgumentException(code + ": argument '" + arg + "' cannot be stored");
                }
            }
        }
        if (code.isEmpty() || code.indexOf(' ') >= 0 || code.indexOf(';') >= 0) {
            throw new IllegalArgumentException("not a sentence code: '" + code + "'");
        }
    }

    static Explanation of(String code, String... args) {
        return new Explanation(code, List.of(args));
    }

    /** {@code P}: a number written with exactly its own decimals. */
    static String number(BigDecimal value) {
        return "P" + value.toPlainString();
    }

    /** {@code Q}: a threshold or constant, written without trailing zeros. */
    static String plain(BigDecimal value) {
        return "Q" + value.toPlainString();
    }

    /**
     * {@code F}: a share 0–1 written as a percentage to one decimal. Kept at the precision shown
     * (0.152 for 15.2%): a share that moves without changing its words leaves the stored sentence
     * as it was, which the single-client rescore relies on when it leaves other clients' scorecards alone.
     */
    static String fraction(BigDecimal value) {
        return "F" + shown(value).toPlainString();
    }

    /** {@code f}: a signed share, as {@link #fraction}. */
    static String signedFraction(BigDecimal value) {
        return "f" + shown(value).toPlainString();
    }

    private static BigDecimal shown(BigDecimal share) {
        return share.setScale(Quantity.FRACTION.scale() + 2, java.math.RoundingMode.HALF_UP);
    }

    /** {@code T}: a share threshold written as a percentage without trailing zeros. */
    static String fractionThreshold(BigDecimal value) {
        return "T" + value.toPlainString();
    }

    /** {@code I}: a whole number, also what plural choices read. */
    static String whole(long value) {
        return "I" + value;
    }

    static String whole(BigDecimal value) {
        return "I" + value.toPlainString();
    }

    /** {@code S}: text written as it is (a grade, payment terms, a date). */
    static String text(Object value) {
        return "S" + value;
    }

    /** {@code W}: a word the bundles hold under {@code key}, e.g. {@code scoring.rule.gross_margin}. */
    static String word(String key) {
        return "W" + key;
    }

    /** {@code H}: the months of history a window really covers, or a lone {@code S} when it covers them all. */
    static String covered(int historyMonths, int windowMonths) {
        return historyMonths < windowMonths ? "H" + historyMonths : "S";
    }

    /** A value measured by a rule, written as its quantity is. */
    static String measured(Quantity quantity, BigDecimal value) {
        return quantity.kind() + value.toPlainString();
    }

    /** A rule's threshold, written without trailing zeros (as a percentage for shares). */
    static String threshold(Quantity quantity, BigDecimal value) {
        return quantity == Quantity.FRACTION ? fractionThreshold(value) : plain(value);
    }
}
