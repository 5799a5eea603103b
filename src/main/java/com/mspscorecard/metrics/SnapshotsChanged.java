package com.mspscorecard.metrics;

import java.time.YearMonth;
import java.util.Set;

/**
 * Published inside the transaction that wrote snapshots (a form, the monthly entry grid, the
 * API or an import), naming the clients and months whose figures changed.
 */
public record SnapshotsChanged(Set<Long> clientIds, Set<YearMonth> months) {

    public SnapshotsChanged {
        clientIds = Set.copyOf(clientIds);
        months = Set.copyOf(months);
    }
}
