package com.mspscorecard.importing.raw;

import java.util.List;

/**
 * A row left out of the aggregation, and why: a message code ({@code psa.row.*} or a {@code number.*} code
 * of the number reader) with its arguments.
 *
 * @param column the header of the column at fault, or null for the row as a whole
 */
public record RowProblem(long line, String column, String value, String code, List<Object> args) {

    public RowProblem {
        args = List.copyOf(args);
    }
}
