package com.mspscorecard.clients;

import java.util.List;

/**
 * Thrown by API controllers of the clients, metrics and incidents modules when an input
 * breaks a rule; answered as a 400 problem with one entry per field in {@code errors}.
 */
public class InvalidInput extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInput(List<FieldProblem> problems) {
        super("Invalid input: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
