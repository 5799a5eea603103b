package com.mspscorecard.voting;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code scorecard.voting.minimum-ballots} (default 3): results stay hidden until at least this
 * many ballots come from people other than owners (see {@link PollResults}). Never less than 3,
 * whatever is configured: with one or two ballots a voter could read the others' choices off the
 * results.
 */
@Component
class VotingSettings {

    static final int FLOOR = 3;

    private final int minimumBallots;

    VotingSettings(@Value("${scorecard.voting.minimum-ballots:3}") int minimumBallots) {
        this.minimumBallots = Math.max(FLOOR, minimumBallots);
    }

    int minimumBallots() {
        return minimumBallots;
    }
}
