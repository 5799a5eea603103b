package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What kind of number a rule measures, which decides how it is written. Fractions are kept as
 * fractions in the model (0.05) and written as percentages (5%).
 */
public enum Quantity {

    /** Whole numbers: incidents, late payments. */
    COUNT(0),
    /** Rates such as tickets per endpoint per month. */
    RATE(2),
    /** Days, e.g. days to pay. */
    DAYS(1),
    /** A share between 0 and 1, shown as a percentage. */
    FRACTION(1);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final int scale;

    Quantity(int scale) {
        this.scale = scale;
    }

    /** A measured value as shown to users: "2", "0.75", "45.5", "12.5%". */
    public String format(BigDecimal value) {
        if (this == FRACTION) {
            return value.multiply(HUNDRED).setScale(scale, RoundingMode.HALF_UP).toPlainString() + "%";
        }
        return value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
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
