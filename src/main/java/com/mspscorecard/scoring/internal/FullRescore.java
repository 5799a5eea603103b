package com.mspscorecard.scoring.internal;

import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
import com.mspscorecard.scoring.engine.ScoringModel;
import org.springframework.stereotype.Component;

/**
 * Scores every client and month under one model and replaces that version's stored scorecards,
 * streaming: the workers score clients and write their COPY text a batch at a time while the
 * caller's thread streams the finished batches into {@code client_score}. Runs in the caller's
 * transaction, after it took {@link ScoreStore#lockForWriting()}.
 */
@Component
public class FullRescore {

    /**
     * Clients scored per task, and tasks kept ahead of the COPY stream. A task's COPY text stays
     * well under half a G1 region (0.5 MB at a 512 MB heap): larger arrays are "humongous",
     * allocated straight into the old generation, and at -Xmx512m they made a big import's
     * rescore spend seconds in collections.
     */
    private static final int BATCH = 4;
    private static final int BATCHES_AHEAD = 32;
    private static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());

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
        Map<YearMonth, Portfolio> byMonth = portfolios.of(months);
        long positioned = System.nanoTime();
        List<ClientHistory> histories = List.copyOf(all.histories().values());
        AtomicInteger scorecards = new AtomicInteger();
        int version = model.version();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        String replaced;
        try {
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
                                rows.addAll(ScoredMonth.allMonths(model, history,
                                        month -> position(byMonth, month, history.clientId())));
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
        return new Done(all.histories().size(), scorecards.get(), (stored - start) / 1_000_000, breakdown);
    }

    static PortfolioPosition position(Map<YearMonth, Portfolio> portfolios, YearMonth month, long clientId) {
        Portfolio portfolio = portfolios.get(month);
        return portfolio == null ? null : portfolio.position(clientId).orElse(null);
    }
}
