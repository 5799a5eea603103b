package com.mspscorecard.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BallotTests {

    @Test
    void placesInOrderWithTrailingBlanksMakeARankedBallot() {
        assertThat(Ballot.fromPlaces(List.of("7", "3", "", "", ""), 5).clientIds()).containsExactly(7L, 3L);
    }

    @ParameterizedTest(name = "{0} with {1} picks -> {2}")
    @CsvSource(delimiter = ';', value = {
            "'';5;ballot.empty",
            "',,';3;ballot.empty",
            "'1,,2';3;ballot.gap",
            "',1';3;ballot.gap",
            "'1,2,3';2;ballot.tooMany",
            "'1,2,1';3;ballot.duplicate",
            "'1,abc';3;ballot.unknownClient" })
    void badBallotsAreRefusedWithAClearReason(String places, int picks, String code) {
        List<String> values = Arrays.asList(places.split(",", -1));
        assertThatThrownBy(() -> Ballot.fromPlaces(values, picks)).isInstanceOf(VotingRuleViolation.class)
                .hasMessage(code);
    }

    @Test
    void theMinimumNumberOfBallotsIsNeverBelowThree() {
        assertThat(new VotingSettings(1).minimumBallots()).isEqualTo(3);
        assertThat(new VotingSettings(0).minimumBallots()).isEqualTo(3);
        assertThat(new VotingSettings(7).minimumBallots()).isEqualTo(7);
    }
}
