package com.mspscorecard.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TurnoutTests {

    @ParameterizedTest(name = "roster {0}, voters {1}: everyone voted = {2}")
    @CsvSource({ "0, 0, false", "5, 4, false", "5, 5, true", "1, 1, true" })
    void closingEarlyNeedsEveryoneOnTheRoster(int roster, int voters, boolean everyone) {
        assertThat(new Turnout(roster, voters, 0).everyoneVoted()).isEqualTo(everyone);
    }

    @Test
    void ownersBallotsDoNotProtectAnybody() {
        assertThat(new Turnout(6, 4, 1).votersOtherThanOwners()).isEqualTo(3);
        assertThat(new Turnout(6, 3, 1).votersOtherThanOwners()).isEqualTo(2);
    }

    @Test
    void aWithdrawnPollTakesNoBallotsAndNeverCountsAsClosedWithResults() {
        LocalDate today = LocalDate.of(2026, 3, 10);
        Poll withdrawn = new Poll(1, "p", today.minusDays(1), today.plusDays(5), 5, today, true, Instant.EPOCH, true);
        assertThat(withdrawn.status(today)).isEqualTo(PollStatus.WITHDRAWN);
        assertThat(withdrawn.closed(today)).isTrue();
        assertThat(withdrawn.open(today)).isFalse();
        Poll open = new Poll(2, "p", today.minusDays(1), today.plusDays(5), 5, null, false, null, false);
        assertThat(open.status(today)).isEqualTo(PollStatus.OPEN);
        assertThat(open.rosterTaken()).isFalse();
    }
}
