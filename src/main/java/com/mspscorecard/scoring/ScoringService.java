package com.mspscorecard.scoring;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import com.mspscorecard.scoring.ScoreStore.ScoredMonth;
import com.mspscorecard.scoring.ScoreStore.StoredPosition;
import com.mspscorecard.scoring.ScoringInputs.Inputs;
import com.mspscorecard.scoring.engine.ClientHistory;
import com.mspscorecard.scoring.engine.Portfolio;
import com.mspscorecard.scoring.engine.PortfolioFigures;
import com.mspscorecard.scoring.engine.PortfolioPosition;
import com.mspscorecard.scoring.engine.Quantity;
import com.mspscorecard.scoring.engine.Scorecard;
import com.mspscorecard.scoring.engine.ScoringEngine;
import com.mspscorecard.scoring.engine.ScoringModel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the stored scorecards of the active model current. Everything runs in the caller's
 * transaction, so a failed rescoring rolls back the change that caused it: stored scores never
 * look current while they are not.
 */
@Service
public class ScoringService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ScoringService.class);

    /** Where the last full rescore spent its time (for the benchmark and the log). */
    static volatile String lastBreakdown = "";

    private final ModelRows models;
    private final ScoringInputs inputs;
    private final ScoreStore store;

    ScoringService(ModelRows models, ScoringInputs inputs, ScoreStore store) {
        this.models = models;
        this.inputs = inputs;
        this.store = store;
    }

    /** How much a full rescoring did and how long it took. */
    public record RescoreSummary(int modelVersion, int clients, int scorecards, long millis) {
    }

    /** Rescores every client and month under the active model; call it when a staff poll closes. */
    @Transactional
    public RescoreSummary rescoreAll() {
        return rescoreAll(models.active());
    }

    @Transactional
    RescoreSummary rescoreAll(ScoringModel model) {
        long start = System.nanoTime();
        Inputs all = inputs.all();
        long loaded = System.nanoTime();
        Map<YearMonth, Portfolio> portfolios = ScoringInputs.portfolios(all);
        long positioned = System.nanoTime();
        List<ScoredMonth> rows = new ArrayList<>();
        for (ClientHistory history : all.histories().values()) {
            rows.addAll(scoreAllMonths(model, history, month -> position(portfolios, month, history.clientId())));
        }
        long scored = System.nanoTime();
        store.replaceVersion(model.version(), rows);
        long stored = System.nanoTime();
        lastBreakdown = String.format("inputs %d ms, portfolios %d ms, engine %d ms, storing %d ms (%s)",
                (loaded - start) / 1_000_000, (positioned - loaded) / 1_000_000, (scored - positioned) / 1_000_000,
                (stored - scored) / 1_000_000, ScoreStore.lastReplace);
        log.info("Rescored model version {}: {} clients, {} scorecards ({})", model.version(),
                all.histories().size(), rows.size(), lastBreakdown);
        return new RescoreSummary(model.version(), all.histories().size(), rows.size(),
                (stored - start) / 1_000_000);
    }

    /**
     * Rescores all months of the given clients after their inputs changed, and the other clients
     * whose drain or dependency-risk verdicts move because the portfolio of a month shifted.
     *
     * @param changedMonths months whose revenue or effort may have changed (they move the
     *                      portfolio of that month and the two after it); empty when only
     *                      incidents or terms changed
     * @param everyMonth    true when the clients' membership of the portfolio may have changed
     *                      (status): then each of their months counts as changed
     */
    @Transactional
    public void rescoreClients(Collection<Long> clientIds, Collection<YearMonth> changedMonths, boolean everyMonth) {
        if (clientIds.isEmpty()) {
            return;
        }
        ScoringModel model = models.active();
        Inputs changed = inputs.of(clientIds);
        Set<Long> ids = changed.histories().keySet();
        Map<Long, Map<YearMonth, StoredPosition>> stored = new HashMap<>();
        for (StoredPosition position : store.positionsOfClients(model.version(), ids)) {
            stored.computeIfAbsent(position.clientId(), id -> new HashMap<>()).put(position.month(), position);
        }

        Set<YearMonth> shifted = new TreeSet<>();
        for (YearMonth month : changedMonths) {
            addWindow(shifted, month);
        }
        for (ClientHistory history : changed.histories().values()) {
            Map<YearMonth, StoredPosition> mine = stored.getOrDefault(history.clientId(), Map.of());
            for (YearMonth month : history.months().keySet()) {
                if (everyMonth || !mine.containsKey(month)) {
                    addWindow(shifted, month);
                }
            }
            if (everyMonth) {
                mine.keySet().forEach(month -> addWindow(shifted, month));
            }
        }
        Map<YearMonth, Portfolio> portfolios = inputs.portfolios(shifted);

        List<ScoredMonth> rows = new ArrayList<>();
        for (ClientHistory history : changed.histories().values()) {
            Map<YearMonth, StoredPosition> mine = stored.getOrDefault(history.clientId(), Map.of());
            rows.addAll(scoreAllMonths(model, history, month -> shifted.contains(month)
                    ? position(portfolios, month, history.clientId())
                    : mine.get(month).position()));
        }
        store.replaceClients(model.version(), ids, rows);
        rescoreShiftedOthers(model, portfolios, ids);
    }

    /**
     * A month's portfolio shifted: the other clients' scores stay as they are, but a client can
     * become (or stop being) a drain or a dependency risk, and the shares quoted in those reasons
     * can change. Only those client-months are rescored.
     */
    private void rescoreShiftedOthers(ScoringModel model, Map<YearMonth, Portfolio> portfolios, Set<Long> done) {
        if (portfolios.isEmpty()) {
            return;
        }
        Set<Long> flaggedNow = new HashSet<>();
        portfolios.values().forEach(portfolio -> portfolio.positions().forEach((id, position) -> {
            if (flagged(model, position) && !done.contains(id)) {
                flaggedNow.add(id);
            }
        }));
        Map<Long, Map<YearMonth, PortfolioPosition>> stale = new HashMap<>();
        for (StoredPosition stored : store.flaggedPositions(model.version(), portfolios.keySet(), flaggedNow)) {
            if (done.contains(stored.clientId())) {
                continue;
            }
            PortfolioPosition now = position(portfolios, stored.month(), stored.clientId());
            if (!sameVerdict(model, stored, now)) {
                stale.computeIfAbsent(stored.clientId(), id -> new HashMap<>()).put(stored.month(), now);
            }
        }
        if (stale.isEmpty()) {
            return;
        }
        Inputs others = inputs.of(stale.keySet());
        Map<Long, Map<YearMonth, BigDecimal>> scores = store.scores(model.version(), stale.keySet());
        List<ScoredMonth> rows = new ArrayList<>();
        stale.forEach((id, months) -> {
            ClientHistory history = others.histories().get(id);
            Map<YearMonth, BigDecimal> earlier = scores.getOrDefault(id, Map.of());
            months.forEach((month, position) -> rows.add(new ScoredMonth(
                    ScoringEngine.score(model, history, month, position, earlier.get(month.minusMonths(3))), position)));
        });
        store.replaceMonths(model.version(), rows);
    }

    /** Whether a stored scorecard still says what the new position would make it say. */
    static boolean sameVerdict(ScoringModel model, StoredPosition stored, PortfolioPosition now) {
        boolean drain = now != null && now.isDrain(model.drainRevenueTopPercent(), model.drainEffortTopPercent());
        boolean dependency = now != null && now.isDependencyRisk(model.dependencyShare());
        if (drain != stored.drain() || dependency != stored.dependencyRisk()) {
            return false;
        }
        if (!drain && !dependency) {
            return true;
        }
        PortfolioPosition before = stored.position();
        return before != null
                && Quantity.FRACTION.format(before.revenueShare()).equals(Quantity.FRACTION.format(now.revenueShare()))
                && Objects.equals(before.effortShare() == null ? null : Quantity.FRACTION.format(before.effortShare()),
                        now.effortShare() == null ? null : Quantity.FRACTION.format(now.effortShare()));
    }

    private static boolean flagged(ScoringModel model, PortfolioPosition position) {
        return position.isDrain(model.drainRevenueTopPercent(), model.drainEffortTopPercent())
                || position.isDependencyRisk(model.dependencyShare());
    }

    private static void addWindow(Set<YearMonth> months, YearMonth month) {
        for (int i = 0; i < PortfolioFigures.WINDOW_MONTHS; i++) {
            months.add(month.plusMonths(i));
        }
    }

    private static PortfolioPosition position(Map<YearMonth, Portfolio> portfolios, YearMonth month, long clientId) {
        Portfolio portfolio = portfolios.get(month);
        return portfolio == null ? null : portfolio.position(clientId).orElse(null);
    }

    /** Scores every month with figures, oldest first, feeding each month the score three months earlier. */
    static List<ScoredMonth> scoreAllMonths(ScoringModel model, ClientHistory history,
                                            java.util.function.Function<YearMonth, PortfolioPosition> positions) {
        Map<YearMonth, BigDecimal> scores = new HashMap<>();
        List<ScoredMonth> rows = new ArrayList<>(history.months().size());
        for (YearMonth month : history.months().keySet()) {
            PortfolioPosition position = positions.apply(month);
            Scorecard card = ScoringEngine.score(model, history, month, position, scores.get(month.minusMonths(3)));
            if (card.score() != null) {
                scores.put(month, card.score());
            }
            rows.add(new ScoredMonth(card, position));
        }
        return rows;
    }
}
