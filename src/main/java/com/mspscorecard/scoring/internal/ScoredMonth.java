package com.mspscorecard.scoring.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
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
}
