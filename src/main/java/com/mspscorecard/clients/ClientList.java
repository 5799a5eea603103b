package com.mspscorecard.clients;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Filtering and sorting of the clients list, in memory: an MSP has hundreds of clients at
 * most. {@code status} is a {@link ClientStatus} name, {@code CURRENT} (not offboarded,
 * the default) or {@code ALL}.
 */
public record ClientList(String query, String status, Long manager, String sort, boolean descending) {

    static final String CURRENT = "CURRENT";

    static final String ALL = "ALL";

    private static final Map<String, Comparator<ClientRow>> SORTS = Map.of(
            "name", by(r -> r.name().toLowerCase(Locale.ROOT)),
            "externalRef", by(ClientRow::externalRef),
            "industry", by(ClientRow::industry),
            "manager", by(ClientRow::accountManager),
            "status", by(ClientRow::status),
            "paymentTerms", by(ClientRow::paymentTerms),
            "contractMrr", by(ClientRow::contractMrr),
            "endpoints", by(ClientRow::endpoints),
            "contractEnd", by(ClientRow::contractEnd));

    public ClientList {
        query = query == null ? "" : query.trim();
        status = status == null || status.isBlank() ? CURRENT : status;
        sort = sort != null && SORTS.containsKey(sort) ? sort : "name";
    }

    List<ClientRow> apply(List<ClientRow> rows) {
        String needle = query.toLowerCase(Locale.ROOT);
        Comparator<ClientRow> order = SORTS.get(sort);
        if (descending) {
            order = order.reversed();
        }
        return rows.stream()
                .filter(r -> needle.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(needle)
                        || (r.externalRef() != null && r.externalRef().toLowerCase(Locale.ROOT).contains(needle)))
                .filter(this::statusMatches)
                .filter(r -> manager == null || manager.equals(r.accountManagerId()))
                .sorted(order.thenComparing(r -> r.name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private boolean statusMatches(ClientRow row) {
        return switch (status) {
            case ALL -> true;
            case CURRENT -> row.status() != ClientStatus.OFFBOARDED;
            default -> row.status().name().equals(status);
        };
    }

    /** Whether clicking a column header should sort it descending next. */
    public boolean nextDescending(String column) {
        return column.equals(sort) && !descending;
    }

    private static <T extends Comparable<? super T>> Comparator<ClientRow> by(Function<ClientRow, T> key) {
        return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
    }
}
