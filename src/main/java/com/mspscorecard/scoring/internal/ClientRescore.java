package com.mspscorecard.scoring.internal;

import static com.mspscorecard.scoring.internal.FullRescore.position;

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

import com.mspscorecard.scoring.engine.ChangeReach;
import com.mspscorecard.scoring.engine.ClientHistory;
import com.mspscorecard.scoring.engine.Portfolio;
import com.mspscorecard.scoring.engine.PortfolioPosition;
import com.mspscorecard.scoring.engine.Quantity;
import com.mspscorecard.scoring.engine.ScoringEngine;
import com.mspscorecard.scoring.engine.ScoringModel;
import org.springframework.stereotype.Component;

/**
 * Rescores a few clients after their inputs changed, and the other clients whose drain or
 * dependency-risk verdict moves because the portfolio of a month shifted: the other clients'
 * scores stay as they are. Runs in the caller's transaction, after it took
 * {@link ScoreStore#lockForWriting()}; issue 5 wants it within 50 ms at 2,000 clients.
 */
@Component
public class ClientRescore {

    private final ScoringInputs inputs;
    private final MonthlyPortfolios monthlyPortfolios;
    private final ScoreStore store;
    private final StoredPositions storedPositions;

    ClientRescore(ScoringInputs inputs, MonthlyPortfolios monthlyPortfolios, ScoreStore store,
                  StoredPositions storedPositions) {
        this.inputs = inputs;
        this.monthlyPortfolios = monthlyPortfolios;
        this.store = store;
        this.storedPositions = storedPositions;
    }

    /**
     * @param changedMonths months whose revenue or effort may have changed (they move the
     *                      portfolio of that month and the two after it); empty when only
     *                      incidents or terms changed
     * @param everyMonth    true when the clients' membership of the portfolio may have changed
     *                      (status): then each of their months counts as changed
     * @return where the time went (for the benchmark)
     */
    public String run(ScoringModel model, Collection<Long> clientIds, Collection<YearMonth> changedMonths,
                      boolean everyMonth) {
        long t1 = System.nanoTime();
        ScoringInputs.Inputs changed = inputs.of(clientIds);
        long t2 = System.nanoTime();
        Set<Long> ids = changed.histories().keySet();
        Map<Long, Map<YearMonth, StoredPosition>> stored = new HashMap<>();
        for (StoredPosition position : storedPositions.positionsOfClients(model.version(), ids)) {
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
        long t3 = System.nanoTime();
        MonthlyPortfolios.Shifted portfolios = monthlyPortfolios.shifted(shifted);
        long t4 = System.nanoTime();

        List<ScoredMonth> rows = new ArrayList<>();
        for (ClientHistory history : changed.histories().values()) {
            Map<YearMonth, StoredPosition> mine = stored.getOrDefault(history.clientId(), Map.of());
            rows.addAll(ScoredMonth.allMonths(model, history, month -> shifted.contains(month)
                    ? position(portfolios.portfolios(), month, history.clientId())
                    : mine.get(month).position()));
        }
        long t5 = System.nanoTime();
        store.replaceClients(model.version(), ids, rows);
        long t6 = System.nanoTime();
        String others = rescoreShiftedOthers(model, portfolios, ids);
        long t7 = System.nanoTime();
        return String.format("inputs %.1f, stored positions %.1f, portfolios %.1f, "
                + "engine %.1f, storing %.1f, other clients %.1f ms (%s)", (t2 - t1) / 1e6,
                (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6, (t6 - t5) / 1e6, (t7 - t6) / 1e6, others);
    }

    /**
     * A month's portfolio shifted: the other clients' scores stay as they are, but a client can
     * become (or stop being) a drain or a dependency risk, and the shares quoted in those reasons
     * can change. Only those client-months are rescored.
     *
     * @return what it found, for the benchmark's breakdown
     */
    private String rescoreShiftedOthers(ScoringModel model, MonthlyPortfolios.Shifted shifted, Set<Long> done) {
        Map<YearMonth, Portfolio> portfolios = shifted.portfolios();
        if (portfolios.isEmpty()) {
            return "no month shifted";
        }
        long q0 = System.nanoTime();
        Map<Long, Map<YearMonth, PortfolioPosition>> stale = new HashMap<>();
        Set<ClientMonth> storedFlagged = new HashSet<>();
        // Stored as flagged: stale where the verdict or a share it quotes moves.
        for (StoredPosition stored : storedPositions.flaggedPositions(model.version(), portfolios.keySet())) {
            storedFlagged.add(new ClientMonth(stored.clientId(), stored.month()));
            if (done.contains(stored.clientId())) {
                continue;
            }
            PortfolioPosition now = position(portfolios, stored.month(), stored.clientId());
            if (!sameVerdict(model, stored, now)) {
                stale.computeIfAbsent(stored.clientId(), id -> new HashMap<>()).put(stored.month(), now);
            }
        }
        long q1 = System.nanoTime();
        // Flagged now but not stored as flagged: stale wherever the client has a scorecard that month.
        portfolios.forEach((month, portfolio) -> portfolio.positions().forEach((id, position) -> {
            if (!done.contains(id) && flagged(model, position) && shifted.hasSnapshot(month, id)
                    && !storedFlagged.contains(new ClientMonth(id, month))) {
                stale.computeIfAbsent(id, key -> new HashMap<>()).put(month, position);
            }
        }));
        String found = String.format("stored flagged %d read in %.1f ms, stale clients %d", storedFlagged.size(),
                (q1 - q0) / 1e6, stale.size());
        if (stale.isEmpty()) {
            return found;
        }
        ScoringInputs.Inputs others = inputs.of(stale.keySet());
        Map<Long, Map<YearMonth, BigDecimal>> scores = storedPositions.scores(model.version(), stale.keySet());
        List<ScoredMonth> rows = new ArrayList<>();
        stale.forEach((id, months) -> {
            ClientHistory history = others.histories().get(id);
            Map<YearMonth, BigDecimal> earlier = scores.getOrDefault(id, Map.of());
            // One month of a history, fed the stored score three months earlier: what
            // ScoringEngine.scoreAllMonths would compute for it, without scoring the other months.
            months.forEach((month, position) -> rows.add(new ScoredMonth(ScoringEngine.score(model, history, month,
                    position, earlier.get(month.minusMonths(ScoringEngine.THREE_MONTHS))), position)));
        });
        store.replaceMonths(model.version(), rows);
        return found;
    }

    private record ClientMonth(long clientId, YearMonth month) {
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
        ChangeReach.addPortfolioMonths(months, month);
    }
}
