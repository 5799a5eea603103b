package com.mspscorecard.voting;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a poll's results may be read, by people on the results page
 * and by scoring alike. They may once the poll has closed (on its closing date, or early once
 * everyone on the roster has voted) and at least the minimum number of ballots came from people
 * other than owners. A withdrawn poll never has results.
 */
@Component
class PollResults {

    private final Polls polls;

    private final VotingSettings settings;

    PollResults(Polls polls, VotingSettings settings) {
        this.polls = polls;
        this.settings = settings;
    }

    int minimum() {
        return settings.minimumBallots();
    }

    /** The tally, or empty while it may not be shown. */
    Optional<Tally> disclosed(Poll poll, LocalDate today) {
        if (poll.status(today) != PollStatus.CLOSED) {
            return Optional.empty();
        }
        if (polls.turnout(poll.id()).votersOtherThanOwners() < minimum()) {
            return Optional.empty();
        }
        int ballots = polls.ballotCount(poll.id());
        return Optional.of(Tally.of(poll.picks(), ballots, polls.rankCounts(poll.id())));
    }
}
