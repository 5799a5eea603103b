package com.mspscorecard.importing.raw;

import java.util.List;
import java.util.Map;

/**
 * A preset or generic layout: the header names that mean each field, in order of preference.
 *
 * @param id          {@code connectwise-tickets}, {@code autotask-time}, {@code generic-invoices}, …
 * @param psa         {@code ConnectWise PSA}, {@code Autotask}, {@code HaloPSA}, {@code Syncro} or {@code generic}
 * @param headerNames for each field, the header names (compared ignoring case, spaces, {@code -} and {@code _})
 */
public record Layout(String id, String psa, RawKind kind, Map<RawField, List<String>> headerNames) {

    public Layout {
        headerNames = Map.copyOf(headerNames);
    }

    public boolean generic() {
        return id.startsWith("generic-");
    }
}
