package com.mspscorecard.numbers;

import java.math.BigDecimal;
import java.util.List;

/**
 * What {@link NumberReader} made of a text: a number, nothing (a blank means "no data"), or a
 * problem as a message code ({@code number.*}) with its arguments, for the caller's bundle.
 */
public record NumberReading(BigDecimal value, String problem, List<Object> args) {

    public NumberReading {
        args = List.copyOf(args);
    }

    static final NumberReading BLANK = new NumberReading(null, null, List.of());

    static NumberReading of(BigDecimal value) {
        return new NumberReading(value, null, List.of());
    }

    static NumberReading problem(String code, Object... args) {
        return new NumberReading(null, code, List.of(args));
    }

    public boolean blank() {
        return value == null && problem == null;
    }

    public boolean ok() {
        return problem == null;
    }
}
