package com.mspscorecard.scoring.internal;

import static com.mspscorecard.scoring.internal.FullRescore.position;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

import com.mspscorecard.scoring.engine.ChangeReach;
import com.mspscorecard.scoring.engine.ClientHistory;
import com.mspscorecard.scoring.engine.MonthIndex;
import com.mspscorecard.scoring.engine.Portfolio;
import com.mspscorecard.scoring.engine.ScoringEngine;
import com.mspscorecard.scoring.engine.ScoringModel;
import org.springframework.stereotype.Component;

/**
 * Rescores, after the figures of many clients changed (an import), only the scorecards the change
 * can move ({@link ChangeReach}): the changed clients' months that the changed months reach, and
 * every client's months whose portfolio moved. The rest stay as stored. One new month for 2,000
 * clients so scores and stores 2,000 scorecards instead of the full rescore's 120,000, and the first
 * import of a portfolio, which reaches every month, is the full rescore again. Streams as the full
 * rescore does ({@link ScorecardBatches}), at -Xmx512m. Runs in the caller's transaction, after it
 * took {@link ScoreStore#lockForWriting()}.
 */
@Component
public class ChangedMonthsRescore {

    private final ScoringInputs inputs;
    private final MonthlyPortfolios portfolios;
    private final ScoreStore store;
    private final StoredPositions stored;

    ChangedMonthsRescore(ScoringInputs inputs, MonthlyPortfolios portfolios, ScoreStore store, StoredPositions stored) {
        this.inputs = inputs;
        this.portfolios = portfolios;
        this.store = store;
        this.stored = stored;
    }

    /**
     * @param clientIds     the clients whose figures changed
     * @param changedMonths the months in which they changed (taken as changed for each of those clients)
     */
    public FullRescore.Done run(ScoringModel model, Set<Long> clientIds, Collection<YearMonth> changedMonths) {
        long start = System.nanoTime();
        Plan plan = plan(model, clientIds, changedMonths);
        long planned = System.nanoTime();
        String replaced;
        int scorecards;
        try (ScorecardBatches batches = plan.batches()) {
            replaced = store.replaceMonths(model.version(), plan.portfolioMonths, plan.ownClients, plan.ownMonths,
                    batches);
            scorecards = batches.scorecards();
        }
        long done = System.nanoTime();
        String breakdown = String.format("inputs %d ms, reach, portfolios and earlier scores %d ms, storing %d ms (%s)",
                (plan.loaded - start) / 1_000_000, (planned - plan.loaded) / 1_000_000, (done - planned) / 1_000_000,
                replaced);
        return new FullRescore.Done(plan.histories.size(), scorecards, (done - start) / 1_000_000, breakdown);
    }

    /**
     * Reads and scores what {@link #run} would for the given change, and writes nothing: run once at
     * start-up ({@link ScoringWarmUp}) for the latest month, so that the first import after a start finds
     * these reads and their decoding compiled. Returns the number of scorecards computed.
     */
    int rehearse(ScoringModel model, Set<Long> clientIds, Collection<YearMonth> changedMonths) {
        try (ScorecardBatches batches = plan(model, clientIds, changedMonths).batches()) {
            while (batches.hasNext()) {
                batches.next();
            }
            return batches.scorecards();
        }
    }

    /** What a change reaches, with everything read that scoring it needs. */
    private record Plan(ScoringModel model, long loaded, Set<YearMonth> portfolioMonths, List<Long> ownClients,
                        List<YearMonth> ownMonths, List<ClientHistory> histories,
                        Map<Long, NavigableSet<YearMonth>> reached, Map<YearMonth, Portfolio> byMonth,
                        Map<Long, Map<YearMonth, BigDecimal>> earlierScores) {

        ScorecardBatches batches() {
            return new ScorecardBatches(model.version(), histories, history -> {
                Map<YearMonth, BigDecimal> earlier = earlierScores.getOrDefault(history.clientId(), Map.of());
                return ScoredMonth.months(model, history, reached.get(history.clientId()),
                        month -> position(byMonth, month, history.clientId()), earlier::get);
            });
        }
    }

    private Plan plan(ScoringModel model, Set<Long> clientIds, Collection<YearMonth> changedMonths) {
        // The figures from the earliest changed month's look-back on: enough for every month the change
        // reaches, but for a month that stopped being a client's latest long before (reloaded whole below).
        int lookBack = ChangeReach.lookBackMonths(model);
        YearMonth from = changedMonths.stream().min(YearMonth::compareTo).orElseThrow().minusMonths(lookBack);
        ScoringInputs.Inputs all = inputs.since(from);
        Map<Long, ClientHistory> byClient = new java.util.LinkedHashMap<>(all.histories());
        List<Long> whole = new ArrayList<>();
        for (long id : clientIds) {
            ClientHistory history = byClient.get(id);
            if (history != null && history.firstMonth() != null && history.firstMonth().isBefore(from)) {
                // Held months all changed: the latest month before the change is not among them.
                boolean allChanged = changedMonths.containsAll(history.months().keySet());
                NavigableSet<YearMonth> months = ChangeReach.ownMonths(model, history, changedMonths);
                if (allChanged || !months.isEmpty() && months.first().minusMonths(lookBack).isBefore(from)) {
                    whole.add(id);
                }
            }
        }
        if (!whole.isEmpty()) {
            byClient.putAll(inputs.of(whole).histories());
        }
        long loaded = System.nanoTime();

        Set<YearMonth> portfolioMonths = new TreeSet<>();
        changedMonths.forEach(month -> ChangeReach.addPortfolioMonths(portfolioMonths, month));
        Map<Long, NavigableSet<YearMonth>> reached = new HashMap<>();
        List<ClientHistory> histories = new ArrayList<>();
        Set<YearMonth> scoredMonths = new TreeSet<>();
        // Client-months reached outside the portfolio's months (those are replaced for every client),
        // and the months three earlier whose stored score "worsening" compares with.
        List<Long> ownClients = new ArrayList<>();
        List<YearMonth> ownMonths = new ArrayList<>();
        List<Long> earlierClients = new ArrayList<>();
        List<YearMonth> earlierMonths = new ArrayList<>();
        for (ClientHistory history : byClient.values()) {
            NavigableSet<YearMonth> months = clientIds.contains(history.clientId())
                    ? ChangeReach.ownMonths(model, history, changedMonths) : new TreeSet<>();
            for (YearMonth month : portfolioMonths) {
                if (history.months().containsKey(month)) {
                    months.add(month);
                }
            }
            if (months.isEmpty()) {
                continue;
            }
            reached.put(history.clientId(), months);
            histories.add(history);
            scoredMonths.addAll(months);
            for (YearMonth month : months) {
                if (!portfolioMonths.contains(month)) {
                    ownClients.add(history.clientId());
                    ownMonths.add(month);
                }
                YearMonth earlier = month.minusMonths(ScoringEngine.THREE_MONTHS);
                if (!months.contains(earlier) && history.months().containsKey(earlier)) {
                    earlierClients.add(history.clientId());
                    earlierMonths.add(earlier);
                }
            }
        }
        // Every client's figures since the look-back are in hand: the portfolios come from them unless
        // a reached month's window starts before it (then they are read).
        boolean inHand = scoredMonths.isEmpty() || MonthlyPortfolios.first(scoredMonths) >= MonthIndex.of(from);
        Map<YearMonth, Portfolio> byMonth = inHand ? portfolios.of(scoredMonths, byClient.values())
                : portfolios.of(scoredMonths);
        Map<Long, Map<YearMonth, BigDecimal>> earlierScores = stored.scores(model.version(), earlierClients,
                earlierMonths);
        return new Plan(model, loaded, portfolioMonths, ownClients, ownMonths, histories, reached, byMonth,
                earlierScores);
    }
}
