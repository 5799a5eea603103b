package com.mspscorecard.notifications.internal;

import java.util.List;

/**
 * One user's monthly digest: what changed in the latest scored month against the month before,
 * what is due, and whose figures are missing. Dates are ISO strings (the payload is stored as JSON).
 *
 * @param month          the month the digest is for ({@code 2026-11})
 * @param scoredMonth    the latest scored month it compares with the month before; null without scores
 * @param figuresMonth   the month whose figures it asks for (the month before {@code month})
 * @param wholePortfolio an owner's digest; false: the account manager's own clients
 */
public record DigestNotice(String month, String scoredMonth, String figuresMonth, boolean wholePortfolio,
        List<GradeChange> gradeChanges, List<NewDealbreaker> newDealbreakers,
        List<NewRecommendation> newRecommendations, List<Deadline> deadlines, List<ClientName> missingFigures)
        implements Shortlists {

    public record GradeChange(long clientId, String clientName, String fromGrade, String toGrade, boolean worse) {
    }

    public record NewDealbreaker(long clientId, String clientName, List<String> dealbreakers) {
    }

    public record NewRecommendation(long clientId, String clientName, String recommendation) {
    }

    public record Deadline(long clientId, String clientName, String noticeBy, String renewal, boolean flagged) {
    }

    public record ClientName(long clientId, String clientName) {
    }

    public boolean quiet() {
        return gradeChanges.isEmpty() && newDealbreakers.isEmpty() && newRecommendations.isEmpty()
                && deadlines.isEmpty() && missingFigures.isEmpty();
    }
}
