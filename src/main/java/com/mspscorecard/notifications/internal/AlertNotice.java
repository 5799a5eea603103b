package com.mspscorecard.notifications.internal;

import java.util.List;

/**
 * One alert message: what one change did to one or many clients (an import, a model activation
 * and the daily rescore move many at once and are told in one message). Facts only; the words
 * come from the bundle when the message is written or read.
 */
public record AlertNotice(List<Item> items) implements Shortlists {

    public enum Cause {
        DEALBREAKER, GRADE_DROP
    }

    /**
     * @param dealbreakers the new dealbreakers' keys ({@code scoring.dealbreaker.<key>}); empty for a grade drop
     */
    public record Item(long clientId, String clientName, Cause cause, String fromGrade, String toGrade,
            List<String> dealbreakers) {
    }

    public AlertNotice {
        items = List.copyOf(items);
    }

    public boolean grouped() {
        return items.size() > 1;
    }
}
