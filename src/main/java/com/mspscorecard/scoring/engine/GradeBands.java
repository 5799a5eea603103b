package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.util.Objects;

/** The lowest score of each grade; anything below {@code d} is F. */
public record GradeBands(BigDecimal a, BigDecimal b, BigDecimal c, BigDecimal d) {

    public GradeBands {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(c, "c");
        Objects.requireNonNull(d, "d");
        if (!(a.compareTo(b) > 0 && b.compareTo(c) > 0 && c.compareTo(d) > 0)) {
            throw new IllegalArgumentException("grade bands must fall from A to D: " + a + ", " + b + ", " + c + ", " + d);
        }
    }

    public static GradeBands defaults() {
        return new GradeBands(BigDecimal.valueOf(85), BigDecimal.valueOf(70), BigDecimal.valueOf(55), BigDecimal.valueOf(40));
    }

    public Grade gradeOf(BigDecimal score) {
        if (score.compareTo(a) >= 0) {
            return Grade.A;
        }
        if (score.compareTo(b) >= 0) {
            return Grade.B;
        }
        if (score.compareTo(c) >= 0) {
            return Grade.C;
        }
        if (score.compareTo(d) >= 0) {
            return Grade.D;
        }
        return Grade.F;
    }
}
