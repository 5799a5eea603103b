package com.mspscorecard.voting;

import java.time.LocalDate;

/**
 * A poll closed: early by the owner (published in that transaction) or by reaching its closing
 * date (published by a daily check, so up to a day late). Scoring should still read
 * {@link StaffVotes#closedPolls()} whenever it rescores rather than rely on this event alone.
 * A closed poll may hold too few ballots to have results.
 */
public record PollClosed(long pollId, LocalDate closedOn) {
}
