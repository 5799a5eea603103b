package com.mspscorecard.importing.raw;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;

/**
 * Which part of an export is aggregated.
 *
 * @param from             the first day the export covers, as the user corrected it; empty: taken from the data
 * @param to               the last day; empty: taken from the data
 * @param includeCutShort  months the range cuts short that the user chose to include anyway
 */
public record AggregationScope(Optional<LocalDate> from, Optional<LocalDate> to, Set<YearMonth> includeCutShort) {

    private static final AggregationScope WHOLE = new AggregationScope(Optional.empty(), Optional.empty(), Set.of());

    public AggregationScope {
        includeCutShort = Set.copyOf(includeCutShort);
    }

    /** The whole export, its range taken from the data, cut-short months left out. */
    public static AggregationScope whole() {
        return WHOLE;
    }
}
