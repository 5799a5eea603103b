package com.mspscorecard.voting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff vote as an input to scoring. Read {@link #closedPolls()} whenever scores are
 * recomputed: a poll that closes by reaching its closing date is announced by
 * {@link PollClosed} only by a daily check.
 */
@Service
public class StaffVotes {

    private final Polls polls;

    private final VotingSettings settings;

    private final Clock clock;

    StaffVotes(Polls polls, VotingSettings settings, Clock clock) {
        this.polls = polls;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Every poll that is closed (closing date passed or closed early) and holds at least the minimum
     * number of ballots ({@code scorecard.voting.minimum-ballots}, never below 3), newest first.
     */
    @Transactional(readOnly = true)
    public List<ClosedPollResult> closedPolls() {
        LocalDate today = LocalDate.now(clock);
        return polls.all().stream()
                .filter(p -> p.closed(today))
                .map(p -> {
                    int ballots = polls.ballotCount(p.id());
                    if (ballots < settings.minimumBallots()) {
                        return null;
                    }
                    Tally tally = Tally.of(p.picks(), ballots, polls.rankCounts(p.id()));
                    return new ClosedPollResult(p.id(), p.title(), p.closedOn(), tally.shareByClient());
                })
                .filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(ClosedPollResult::closedOn).reversed()
                        .thenComparing(Comparator.comparingLong(ClosedPollResult::pollId).reversed()))
                .toList();
    }
}
