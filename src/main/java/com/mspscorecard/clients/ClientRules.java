package com.mspscorecard.clients;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a client's details must meet, apart from uniqueness (which needs the database):
 * one list, used by the form and the API alike.
 */
final class ClientRules {

    static final int NAME_MAX = 200;

    static final int EXTERNAL_REF_MAX = 100;

    static final int INDUSTRY_MAX = 100;

    static final int NOTES_MAX = 5000;

    private static final BigDecimal MONEY_LIMIT = new BigDecimal("1000000000000");

    private ClientRules() {
    }

    static List<FieldProblem> check(ClientForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.name() == null || form.name().isBlank()) {
            problems.add(FieldProblem.of("name", "client.name.required"));
        }
        else if (form.name().trim().length() > NAME_MAX) {
            problems.add(FieldProblem.of("name", "client.tooLong", NAME_MAX));
        }
        if (form.externalRef() != null && form.externalRef().trim().length() > EXTERNAL_REF_MAX) {
            problems.add(FieldProblem.of("externalRef", "client.tooLong", EXTERNAL_REF_MAX));
        }
        if (form.industry() != null && form.industry().trim().length() > INDUSTRY_MAX) {
            problems.add(FieldProblem.of("industry", "client.tooLong", INDUSTRY_MAX));
        }
        if (form.notes() != null && form.notes().length() > NOTES_MAX) {
            problems.add(FieldProblem.of("notes", "client.tooLong", NOTES_MAX));
        }
        if (form.contractStart() != null && form.contractEnd() != null
                && !form.contractEnd().isAfter(form.contractStart())) {
            problems.add(FieldProblem.of("contractEnd", "client.contractEnd.beforeStart"));
        }
        if (form.noticePeriodDays() != null && form.noticePeriodDays() < 0) {
            problems.add(FieldProblem.of("noticePeriodDays", "client.negative"));
        }
        if (form.endpoints() != null && form.endpoints() < 0) {
            problems.add(FieldProblem.of("endpoints", "client.negative"));
        }
        BigDecimal mrr = form.contractMrr();
        if (mrr != null) {
            if (mrr.signum() < 0) {
                problems.add(FieldProblem.of("contractMrr", "client.negative"));
            }
            else if (mrr.stripTrailingZeros().scale() > 2) {
                problems.add(FieldProblem.of("contractMrr", "client.money.decimals"));
            }
            else if (mrr.compareTo(MONEY_LIMIT) >= 0) {
                problems.add(FieldProblem.of("contractMrr", "client.money.tooLarge"));
            }
        }
        return problems;
    }
}
