package com.mspscorecard.scoring;

import com.mspscorecard.scoring.internal.ScoringInputs;
import com.mspscorecard.scoring.internal.MonthlyPortfolios;
import com.mspscorecard.scoring.internal.ScoreStore;
import com.mspscorecard.scoring.internal.ScoringInputs.Inputs;
import com.mspscorecard.scoring.internal.ScoreStore.ScoredMonth;
import com.mspscorecard.scoring.internal.ScoreStore.StoredPosition;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.mspscorecard.scoring.engine.ClientHistory;
import com.mspscorecard.scoring.engine.Portfolio;
import com.mspscorecard.scoring.engine.PortfolioPosition;
import com.mspscorecard.scoring.engine.Quantity;
import com.mspscorecard.scoring.engine.Scorecard;
import com.mspscorecard.scoring.engine.ScoringEngine;
import com.mspscorecard.scoring.engine.ScoringModel;
import org.springframework.context.ApplicationEventPublisher;
import com.fasterxml.jackson.annotation.JsonIgnore;
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

    /**
     * Clients scored per task of a full rescore, and tasks kept ahead of the COPY stream. A task's
     * COPY text stays well under half a G1 region (0.5 MB at a 512 MB heap): larger arrays are
     * "humongous", allocated straight into the old generation, and at -Xmx512m they made a big
     * import's rescore spend seconds in collections.
     */
    private static final int BATCH = 4;
    private static final int BATCHES_AHEAD = 32;
    private static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final ModelRows models;
    private final ScoringInputs inputs;
    private final ScoreStore store;
    private final MonthlyPortfolios monthlyPortfolios;
    private final ApplicationEventPublisher events;

    ScoringService(ModelRows models, ScoringInputs inputs, ScoreStore store, MonthlyPortfolios monthlyPortfolios,
                   ApplicationEventPublisher events) {
        this.models = models;
        this.inputs = inputs;
        this.store = store;
        this.monthlyPortfolios = monthlyPortfolios;
        this.events = events;
    }

    /** More changed clients than this are rescored by the full, streaming path. */
    static final int FULL_RESCORE_ABOVE = 200;

    /**
     * How much a full rescoring did and how long it took.
     *
     * @param breakdown where the time went (for the benchmark and the log; not part of the API's answer)
     */
    public record RescoreSummary(int modelVersion, int clients, int scorecards, long millis,
                                 @JsonIgnore String breakdown) {
    }

    /** Rescores every client and month under the active model; call it when a staff poll closes. */
    @Transactional
    public RescoreSummary rescoreAll() {
        // Locked before the active model is read: a model activated meanwhile is then seen.
        store.lockForWriting();
        return rescoreAll(models.active());
    }

    @Transactional
    RescoreSummary rescoreAll(ScoringModel model) {
        store.lockForWriting();
        long start = System.nanoTime();
        Inputs all = inputs.all();
        long loaded = System.nanoTime();
        Map<YearMonth, Portfolio> portfolios = ScoringInputs.portfolios(all);
        long positioned = System.nanoTime();
        List<ClientHistory> histories = List.copyOf(all.histories().values());
        AtomicInteger scorecards = new AtomicInteger();
        int version = model.version();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        String replaced;
        try {
            // Clients are scored and turned into COPY text by the workers, a batch at a time and a
            // few batches ahead, while this thread streams the finished batches in order.
            Iterator<byte[]> chunks = new Iterator<>() {
                private final Deque<Future<byte[]>> ahead = new ArrayDeque<>();
                private int next;

                @Override
                public boolean hasNext() {
                    fill();
                    return !ahead.isEmpty();
                }

                @Override
                public byte[] next() {
                    fill();
                    try {
                        return ahead.removeFirst().get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("rescoring interrupted", e);
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException("rescoring failed", e.getCause());
                    }
                }

                private void fill() {
                    while (ahead.size() < BATCHES_AHEAD && next < histories.size()) {
                        List<ClientHistory> batch = histories.subList(next, Math.min(histories.size(), next + BATCH));
                        next += batch.size();
                        ahead.addLast(workers.submit(() -> {
                            List<ScoredMonth> rows = new ArrayList<>(batch.size() * 64);
                            for (ClientHistory history : batch) {
                                rows.addAll(scoreAllMonths(model, history,
                                        month -> position(portfolios, month, history.clientId())));
                            }
                            scorecards.addAndGet(rows.size());
                            return ScoreStore.copyText(version, rows);
                        }));
                    }
                }
            };
            replaced = store.replaceVersion(version, chunks);
        } finally {
            workers.shutdownNow();
        }
        long stored = System.nanoTime();
        String breakdown = String.format("inputs %d ms, portfolios %d ms, storing %d ms (%s)",
                (loaded - start) / 1_000_000, (positioned - loaded) / 1_000_000, (stored - positioned) / 1_000_000,
                replaced);
        log.info("Rescored model version {}: {} clients, {} scorecards ({})", model.version(),
                all.histories().size(), scorecards.get(), breakdown);
        events.publishEvent(new ScoresRecomputed(version));
        return new RescoreSummary(model.version(), all.histories().size(), scorecards.get(),
                (stored - start) / 1_000_000, breakdown);
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
     * @return where the time went (for the benchmark)
     */
    @Transactional
    public String rescoreClients(Collection<Long> clientIds, Collection<YearMonth> changedMonths, boolean everyMonth) {
        if (clientIds.isEmpty()) {
            return "no client";
        }
        long t0 = System.nanoTime();
        // Locked before anything is read, the active model included (see ScoreStore.lockForWriting).
        store.lockForWriting();
        ScoringModel model = models.active();
        if (clientIds.size() > FULL_RESCORE_ABOVE) {
            // A big import touches most of the portfolio: the streaming full rescore is faster than
            // comparing client by client, and its memory stays bounded whatever the file's size.
            return rescoreAll(model).breakdown();
        }
        long t1 = System.nanoTime();
        Inputs changed = inputs.of(clientIds);
        long t2 = System.nanoTime();
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
        long t3 = System.nanoTime();
        MonthlyPortfolios.Shifted portfolios = monthlyPortfolios.shifted(shifted);
        long t4 = System.nanoTime();

        List<ScoredMonth> rows = new ArrayList<>();
        for (ClientHistory history : changed.histories().values()) {
            Map<YearMonth, StoredPosition> mine = stored.getOrDefault(history.clientId(), Map.of());
            rows.addAll(scoreAllMonths(model, history, month -> shifted.contains(month)
                    ? position(portfolios.portfolios(), month, history.clientId())
                    : mine.get(month).position()));
        }
        long t5 = System.nanoTime();
        store.replaceClients(model.version(), ids, rows);
        long t6 = System.nanoTime();
        String others = rescoreShiftedOthers(model, portfolios, ids);
        long t7 = System.nanoTime();
        return String.format("model %.1f, inputs %.1f, stored positions %.1f, portfolios %.1f, "
                + "engine %.1f, storing %.1f, other clients %.1f ms (%s)", (t1 - t0) / 1e6, (t2 - t1) / 1e6,
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
        for (StoredPosition stored : store.flaggedPositions(model.version(), portfolios.keySet())) {
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
        Inputs others = inputs.of(stale.keySet());
        Map<Long, Map<YearMonth, BigDecimal>> scores = store.scores(model.version(), stale.keySet());
        List<ScoredMonth> rows = new ArrayList<>();
        stale.forEach((id, months) -> {
            ClientHistory history = others.histories().get(id);
            Map<YearMonth, BigDecimal> earlier = scores.getOrDefault(id, Map.of());
            months.forEach((month, position) -> rows.add(new ScoredMonth(
                    ScoringEngine.score(model, history, month, position, earlier.get(month.minusMonths(ScoringEngine.THREE_MONTHS))), position)));
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
        for (int i = 0; i < ScoringEngine.THREE_MONTHS; i++) {
            months.add(month.plusMonths(i));
        }
    }

    private static PortfolioPosition position(Map<YearMonth, Portfolio> portfolios, YearMonth month, long clientId) {
        Portfolio portfolio = portfolios.get(month);
        return portfolio == null ? null : portfolio.position(clientId).orElse(null);
    }

    /** Every month of the history scored by the engine's one path, each with the position it was scored with. */
    static List<ScoredMonth> scoreAllMonths(ScoringModel model, ClientHistory history,
                                            java.util.function.Function<YearMonth, PortfolioPosition> positions) {
        List<ScoredMonth> rows = new ArrayList<>(history.months().size());
        for (Scorecard card : ScoringEngine.scoreAllMonths(model, history, positions)) {
            rows.add(new ScoredMonth(card, positions.apply(card.month())));
        }
        return rows;
    }
}
