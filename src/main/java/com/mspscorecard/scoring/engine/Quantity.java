package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What kind of number a rule measures, which decides how it is written. Fractions are kept as
 * fractions in the model (0.05) and written as percentages (5%).
 */
public enum Quantity {

    /** Whole numbers: incidents, late payments. */
    COUNT(0, 'C'),
    /** Rates such as tickets per endpoint per month. */
    RATE(2, 'R'),
    /** Days, e.g. days to pay. */
    DAYS(1, 'D'),
    /** A share between 0 and 1, shown as a percentage. */
    FRACTION(1, 'F');

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final int scale;
    private final char kind;

    Quantity(int scale, char kind) {
        this.scale = scale;
        this.kind = kind;
    }

    /** Decimals shown: of the percentage for a share. */
    int scale() {
        return scale;
    }

    /** How a value of this quantity is marked in a sentence's arguments (see {@link Explanation}). */
    public char kind() {
        return kind;
    }

    /** The quantity an argument kind letter stands for, or null. */
    public static Quantity ofKind(char kind) {
        for (Quantity quantity : values()) {
            if (quantity.kind == kind) {
                return quantity;
            }
        }
        return null;
    }

    /**
     * A measured value rounded as users see it, in sentences and tables alike: 2, 0.75, 45.5, and
     * 12.5 for 12.5% (a share is returned as a percentage).
     */
    public BigDecimal rounded(BigDecimal value) {
        return (this == FRACTION ? value.multiply(HUNDRED) : value).setScale(scale, RoundingMode.HALF_UP);
    }

    /** A measured value as shown to users: "2", "0.75", "45.5", "12.5%". */
    public String format(BigDecimal value) {
        return rounded(value).toPlainString() + (this == FRACTION ? "%" : "");
    }

    /** A threshold as the owner typed it, without trailing zeros: "0.5", "3", "20%". */
    public String formatThreshold(BigDecimal value) {
        if (this == FRACTION) {
            return plain(value.multiply(HUNDRED)) + "%";
        }
        return plain(value);
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }
}
