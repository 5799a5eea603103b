package com.mspscorecard.scoring.internal;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.mspscorecard.scoring.engine.ClientHistory;
import com.mspscorecard.scoring.engine.Portfolio;
import com.mspscorecard.scoring.engine.PortfolioPosition;
import com.mspscorecard.scoring.engine.ScoringModel;
import org.springframework.stereotype.Component;

/**
 * Scores every client and month under one model and replaces that version's stored scorecards,
 * streaming ({@link ScorecardBatches}). Runs in the caller's transaction, after it took
 * {@link ScoreStore#lockForWriting()}.
 */
@Component
public class FullRescore {

    private final ScoringInputs inputs;
    private final MonthlyPortfolios portfolios;
    private final ScoreStore store;

    FullRescore(ScoringInputs inputs, MonthlyPortfolios portfolios, ScoreStore store) {
        this.inputs = inputs;
        this.portfolios = portfolios;
        this.store = store;
    }

    /**
     * What a full rescore did and where the time went.
     *
     * @param breakdown where the time went (for the benchmark and the log)
     */
    public record Done(int clients, int scorecards, long millis, String breakdown) {
    }

    public Done run(ScoringModel model) {
        long start = System.nanoTime();
        ScoringInputs.Inputs all = inputs.all();
        long loaded = System.nanoTime();
        Set<YearMonth> months = new TreeSet<>();
        all.histories().values().forEach(history -> months.addAll(history.months().keySet()));
        Map<YearMonth, Portfolio> byMonth = portfolios.of(months, all.histories().values());
        long positioned = System.nanoTime();
        List<ClientHistory> histories = List.copyOf(all.histories().values());
        String replaced;
        int scorecards;
        try (ScorecardBatches batches = new ScorecardBatches(model.version(), histories, history ->
                ScoredMonth.allMonths(model, history, month -> position(byMonth, month, history.clientId())))) {
            replaced = store.replaceVersion(model.version(), batches);
            scorecards = batches.scorecards();
        }
        long stored = System.nanoTime();
        String breakdown = String.format("inputs %d ms, portfolios %d ms, storing %d ms (%s)",
                (loaded - start) / 1_000_000, (positioned - loaded) / 1_000_000, (stored - positioned) / 1_000_000,
                replaced);
        return new Done(all.histories().size(), scorecards, (stored - start) / 1_000_000, breakdown);
    }

    static PortfolioPosition position(Map<YearMonth, Portfolio> portfolios, YearMonth month, long clientId) {
        Portfolio portfolio = portfolios.get(month);
        return portfolio == null ? null : portfolio.position(clientId).orElse(null);
    }
}
