package com.mspscorecard.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where scoring gets the results of closed staff polls ("worst five clients"). The voting module
 * implements it; until then {@link NoStaffVotes} answers that no poll has closed. Whoever
 * implements it should call {@link ScoringService#rescoreAll()} when a poll closes.
 */
public interface StaffVoteShares {

    /** Every closed poll, with each client's share (0–1) of all Borda points in it; a client without points may be absent. */
    List<ClosedPollShares> closedPolls();

    /** One closed poll as scoring needs it. */
    record ClosedPollShares(LocalDate closedOn, Map<Long, BigDecimal> shareByClient) {

        public ClosedPollShares {
            Objects.requireNonNull(closedOn, "closedOn");
            shareByClient = Map.copyOf(shareByClient);
        }
    }
}
