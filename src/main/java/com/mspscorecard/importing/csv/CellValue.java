package com.mspscorecard.importing.csv;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A metric cell that was present in the file: either a number or empty, which means
 * "clear the stored value". A metric whose column is absent has no {@code CellValue} at all.
 *
 * @param value the number, with its metric's scale; {@code null} when the cell was empty
 */
public record CellValue(BigDecimal value) {

    private static final CellValue EMPTY = new CellValue(null);

    public static CellValue empty() {
        return EMPTY;
    }

    public static CellValue of(BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException("Use CellValue.empty() for an empty cell");
        }
        return new CellValue(value);
    }

    public boolean isEmpty() {
        return value == null;
    }

    public Optional<BigDecimal> asOptional() {
        return Optional.ofNullable(value);
    }
}
