package com.mspscorecard.metrics;

import java.time.YearMonth;
import java.util.Set;

/**
 * Published inside the transaction that wrote snapshots (a form, the monthly entry grid, the
 * API or an import), naming the clients and months whose figures changed, and carrying the whole
 * histories of clients that had no snapshot before ({@link NewHistories#NONE} when there are none).
 */
public record SnapshotsChanged(Set<Long> clientIds, Set<YearMonth> months, NewHistories newHistories) {

    public SnapshotsChanged {
        clientIds = Set.copyOf(clientIds);
        months = Set.copyOf(months);
        newHistories = newHistories == null ? NewHistories.NONE : newHistories;
    }

    public SnapshotsChanged(Set<Long> clientIds, Set<YearMonth> months) {
        this(clientIds, months, NewHistories.NONE);
    }
}
