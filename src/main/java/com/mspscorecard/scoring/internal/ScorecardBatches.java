package com.mspscorecard.scoring.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.mspscorecard.scoring.engine.ClientHistory;

/**
 * Scorecards of many clients as COPY text, in order, computed on worker threads a few clients at a
 * time while the caller streams the finished batches into {@code client_score}: the engine and the
 * database work at the same time, and memory holds a bounded number of batches whatever the number
 * of clients. Close it to stop the workers.
 */
final class ScorecardBatches implements Iterator<byte[]>, AutoCloseable {

    /**
     * Clients scored per task, and tasks kept ahead of the COPY stream. A task's COPY text stays
     * well under half a G1 region (0.5 MB at a 512 MB heap): larger arrays are "humongous",
     * allocated straight into the old generation, and at -Xmx512m they made a big import's
     * rescore spend seconds in collections.
     */
    private static final int BATCH = 4;
    private static final int BATCHES_AHEAD = 32;
    private static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final int version;
    private final List<ClientHistory> histories;
    private final Function<ClientHistory, List<ScoredMonth>> scoring;
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    private final Deque<Future<byte[]>> ahead = new ArrayDeque<>();
    private final AtomicInteger scorecards = new AtomicInteger();
    private int next;

    /** @param scoring the scorecards of one client (called on a worker thread) */
    ScorecardBatches(int version, List<ClientHistory> histories, Function<ClientHistory, List<ScoredMonth>> scoring) {
        this.version = version;
        this.histories = histories;
        this.scoring = scoring;
    }

    /** Scorecards computed so far: all of them once the batches are consumed. */
    int scorecards() {
        return scorecards.get();
    }

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
                    rows.addAll(scoring.apply(history));
                }
                scorecards.addAndGet(rows.size());
                return ScoreStore.copyText(version, rows);
            }));
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
