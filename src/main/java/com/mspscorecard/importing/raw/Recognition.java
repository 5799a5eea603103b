package com.mspscorecard.importing.raw;

import java.util.List;

/**
 * What {@link Layouts#recognise} made of a header row.
 *
 * @param fingerprint a stable hash of the normalised header row, to find the saved source of the same layout
 */
public record Recognition(RawKind kind, Layout layout, ColumnMapping mapping, List<String> unassignedHeaders,
        String fingerprint) {

    public Recognition {
        unassignedHeaders = List.copyOf(unassignedHeaders);
    }
}
