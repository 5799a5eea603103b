package com.mspscorecard.scoring.internal;

import com.mspscorecard.scoring.StaffVoteShares;
import java.util.List;

import com.mspscorecard.voting.StaffVotes;
import org.springframework.stereotype.Component;

/** The staff vote rule's input: closed polls with enough ballots, as the voting module reports them. */
@Component
class StaffVotesFromPolls implements StaffVoteShares {

    private final StaffVotes votes;

    StaffVotesFromPolls(StaffVotes votes) {
        this.votes = votes;
    }

    @Override
    public List<ClosedPollShares> closedPolls() {
        return votes.closedPolls().stream()
                .map(poll -> new ClosedPollShares(poll.closedOn(), poll.shareByClient()))
                .toList();
    }
}
