package com.mspscorecard.offboarding;

import java.util.List;

/**
 * A request the rules refuse: a message key with its arguments, shown in the reader's language.
 * {@code field} names the form field it concerns, or null. {@code conflict}: someone changed the
 * case or item meanwhile (409), and the message says what.
 */
class CaseProblem extends RuntimeException {

    final String field;
    final String code;
    final List<Object> args;
    final boolean conflict;

    CaseProblem(String field, String code, boolean conflict, Object... args) {
        super(code);
        this.field = field;
        this.code = code;
        this.args = List.of(args);
        this.conflict = conflict;
    }

    static CaseProblem of(String field, String code, Object... args) {
        return new CaseProblem(field, code, false, args);
    }

    static CaseProblem conflict(String code, Object... args) {
        return new CaseProblem(null, code, true, args);
    }
}
