package com.mspscorecard.clients;

import java.util.List;

/**
 * One thing wrong with one field of an input, as a message code with its arguments; shown
 * next to the field on pages and listed in API problem responses.
 */
public record FieldProblem(String field, String code, List<Object> args) {

    public FieldProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static FieldProblem of(String field, String code, Object... args) {
        return new FieldProblem(field, code, List.of(args));
    }
}
