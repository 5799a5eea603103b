package com.mspscorecard.offboarding;

import java.time.Instant;
import java.time.LocalDate;

/** One task of a case's checklist; ticked with who and when. */
public record ChecklistItem(long id, long caseId, int position, String title, Long assigneeId, String assignee,
        LocalDate dueOn, String doneBy, Instant doneAt, int version) {

    ChecklistItem named(String username) {
        return new ChecklistItem(id, caseId, position, title, assigneeId, username, dueOn, doneBy, doneAt, version);
    }

    public boolean done() {
        return doneAt != null;
    }
}
