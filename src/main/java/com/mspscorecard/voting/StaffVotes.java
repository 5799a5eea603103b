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

    private final PollResults results;

    private final Clock clock;

    StaffVotes(Polls polls, PollResults results, Clock clock) {
        this.polls = polls;
        this.results = results;
        this.clock = clock;
    }

    /**
     * Every closed poll whose results anybody may read, newest first: closed on its closing date or
     * early once everyone on its roster had voted, never withdrawn, and with at least
     * {@code scorecard.voting.minimum-ballots} (never below 3) ballots from people other than
     * owners. Scoring sees exactly what the results page shows, so withheld results are no data.
     */
    @Transactional(readOnly = true)
    public List<ClosedPollResult> closedPolls() {
        LocalDate today = LocalDate.now(clock);
        return polls.all().stream()
                .flatMap(p -> results.disclosed(p, today)
                        .map(tally -> new ClosedPollResult(p.id(), p.title(), p.closedOn(), tally.shareByClient()))
                        .stream())
                .sorted(Comparator.comparing(ClosedPollResult::closedOn).reversed()
                        .thenComparing(Comparator.comparingLong(ClosedPollResult::pollId).reversed()))
                .toList();
    }
}
