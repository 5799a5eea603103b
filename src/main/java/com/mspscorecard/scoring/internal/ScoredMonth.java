package com.mspscorecard.scoring.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.mspscorecard.scoring.engine.ClientHistory;
import com.mspscorecard.scoring.engine.PortfolioPosition;
import com.mspscorecard.scoring.engine.Scorecard;
import com.mspscorecard.scoring.engine.ScoringEngine;
import com.mspscorecard.scoring.engine.ScoringModel;

/** A scorecard with the portfolio position it was computed with (null outside the portfolio), as it is stored. */
public record ScoredMonth(Scorecard card, PortfolioPosition position) {

    /**
     * Every month of the history scored by the engine's one path ({@link ScoringEngine#scoreAllMonths}),
     * each with the position it was scored with: what the full rescore, the single-client rescore and
     * the benchmark store.
     */
    public static List<ScoredMonth> allMonths(ScoringModel model, ClientHistory history,
                                              Function<YearMonth, PortfolioPosition> positions) {
        List<ScoredMonth> rows = new ArrayList<>(history.months().size());
        for (Scorecard card : ScoringEngine.scoreAllMonths(model, history, positions)) {
            rows.add(new ScoredMonth(card, positions.apply(card.month())));
        }
        return rows;
    }

    /**
     * The history's months in {@code months}, scored by {@link ScoringEngine#scoreMonths}, each with
     * the position it was scored with: what a rescore of the months a change reached stores.
     *
     * @param earlierScores the stored score of a month that is not scored again
     */
    public static List<ScoredMonth> months(ScoringModel model, ClientHistory history, Set<YearMonth> months,
                                           Function<YearMonth, PortfolioPosition> positions,
                                           Function<YearMonth, BigDecimal> earlierScores) {
        List<ScoredMonth> rows = new ArrayList<>(months.size());
        for (Scorecard card : ScoringEngine.scoreMonths(model, history, months, positions, earlierScores)) {
            rows.add(new ScoredMonth(card, positions.apply(card.month())));
        }
        return rows;
    }
}
