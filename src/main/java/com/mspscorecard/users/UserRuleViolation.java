package com.mspscorecard.users;

/** A business rule a user change broke, aimed at one form field and one message code. */
class UserRuleViolation extends RuntimeException {

    private final String field;

    private final String code;

    UserRuleViolation(String field, String code) {
        super(code);
        this.field = field;
        this.code = code;
    }

    String field() {
        return field;
    }

    String code() {
        return code;
    }
}
