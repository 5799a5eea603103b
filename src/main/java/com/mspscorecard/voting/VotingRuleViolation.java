package com.mspscorecard.voting;

/** A voting rule a request broke, named by its message code (and the form field it concerns, if any). */
class VotingRuleViolation extends RuntimeException {

    private final String field;

    private final String code;

    VotingRuleViolation(String field, String code) {
        super(code);
        this.field = field;
        this.code = code;
    }

    VotingRuleViolation(String code) {
        this(null, code);
    }

    String field() {
        return field;
    }

    String code() {
        return code;
    }
}
