package com.mspscorecard.voting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The outcome of a closed poll with enough ballots: each named client's share (0..1) of all Borda
 * points cast. Clients nobody named are absent (their share is 0).
 */
public record ClosedPollResult(long pollId, String title, LocalDate closedOn, Map<Long, BigDecimal> shareByClient) {

    public ClosedPollResult {
        shareByClient = Map.copyOf(shareByClient);
    }
}
