package com.mspscorecard.metrics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every snapshot of the clients that had none before a change (an import that created them), as
 * that change wrote them, carried by {@link SnapshotsChanged}: the rescore takes these histories
 * from here instead of reading back rows stored a moment before in the same transaction (0.5 s of
 * a 120,000-row import of a new portfolio, bench/README.md, session 9). Values as
 * {@link SnapshotQueries.UnscaledFigures} receives them.
 */
public final class NewHistories {

    /** No client's whole history: read everything. */
    public static final NewHistories NONE = new NewHistories(Map.of());

    private record Month(YearMonth month, long[] unscaled) {
    }

    private final Map<Long, List<Month>> byClient;

    private NewHistories(Map<Long, List<Month>> byClient) {
        this.byClient = byClient;
    }

    /** Collects, in the order written, the snapshots of clients that have no other. */
    public static final class Builder {

        private final Map<Long, List<Month>> byClient = new LinkedHashMap<>();

        /** @param unscaled by {@link Metric#ordinal()}, {@link Metric#NO_DATA} for none; kept as is */
        public void add(long clientId, YearMonth month, long[] unscaled) {
            if (unscaled.length != Metric.values().length) {
                throw new IllegalArgumentException("one value per metric, not " + unscaled.length);
            }
            byClient.computeIfAbsent(clientId, id -> new ArrayList<>()).add(new Month(month, unscaled));
        }

        public NewHistories build() {
            return byClient.isEmpty() ? NONE : new NewHistories(byClient);
        }
    }

    /** The clients whose every snapshot is here. */
    public Set<Long> clients() {
        return Collections.unmodifiableSet(byClient.keySet());
    }

    /** Every snapshot here, client by client. */
    public void forEach(SnapshotQueries.UnscaledFigures consumer) {
        byClient.forEach((clientId, months) -> {
            for (Month month : months) {
                consumer.accept(clientId, month.month(), month.unscaled());
            }
        });
    }
}
