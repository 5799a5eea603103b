package com.mspscorecard.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class TallyTests {

    static final long X = 1, Y = 2, Z = 3, W = 4;

    /**
     * Three ballots, three picks each (a pick at rank r scores 3 − r + 1):
     * (X, Y, Z) → X 3, Y 2, Z 1; (Y, X) → Y 3, X 2; (Z, Y, W) → Z 3, Y 2, W 1.
     * Totals Y 7, X 5, Z 4, W 1 out of 17.
     */
    @Test
    void bordaPointsSharesAndBallotCountsOfAHandWorkedExample() {
        Tally tally = Tally.of(3, 3, List.of(
                new Tally.RankCount(X, 1, 1), new Tally.RankCount(X, 2, 1),
                new Tally.RankCount(Y, 1, 1), new Tally.RankCount(Y, 2, 2),
                new Tally.RankCount(Z, 1, 1), new Tally.RankCount(Z, 3, 1),
                new Tally.RankCount(W, 3, 1)));

        assertThat(tally.totalPoints()).isEqualTo(17);
        assertThat(tally.lines()).extracting(Tally.Line::clientId).containsExactly(Y, X, Z, W);
        assertThat(tally.lines()).extracting(Tally.Line::points).containsExactly(7L, 5L, 4L, 1L);
        assertThat(tally.lines()).extracting(Tally.Line::ballots).containsExactly(3, 2, 2, 1);
        assertThat(tally.lines()).extracting(Tally.Line::share).containsExactly(new BigDecimal("0.411765"),
                new BigDecimal("0.294118"), new BigDecimal("0.235294"), new BigDecimal("0.058824"));
        assertThat(tally.shareByClient()).containsEntry(Y, new BigDecimal("0.411765")).hasSize(4);
    }

    @Test
    void equalPointsAreOrderedByHowManyBallotsNameTheClient() {
        // A: one first place of 4 picks = 4 points; B: two third places = 2 + 2 = 4 points.
        Tally tally = Tally.of(4, 2, List.of(new Tally.RankCount(10, 1, 1), new Tally.RankCount(20, 3, 2)));

        assertThat(tally.lines()).extracting(Tally.Line::clientId).containsExactly(20L, 10L);
        assertThat(tally.lines()).extracting(Tally.Line::share)
                .containsExactly(new BigDecimal("0.500000"), new BigDecimal("0.500000"));
    }

    @Test
    void noBallotsMeansNoLines() {
        assertThat(Tally.of(5, 0, List.of()).lines()).isEmpty();
        assertThat(Tally.of(5, 0, List.of()).shareByClient()).isEmpty();
    }

    @Test
    void aRankBeyondThePicksIsRefused() {
        assertThatThrownBy(() -> Tally.of(3, 1, List.of(new Tally.RankCount(X, 4, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
