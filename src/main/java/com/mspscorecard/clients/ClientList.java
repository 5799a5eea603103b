package com.mspscorecard.clients;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the clients list is asked for: a search ({@code q}, part of the name or reference), a
 * status ({@link ClientStatus} name, {@code CURRENT} (not offboarded, the default) or
 * {@code ALL}), an account manager, a sort column and direction. {@link ClientListing} reads the
 * matching page; the links the page offers (sort headers, pages) are built here so that each of
 * them keeps the others' choices, and leaves out what is the default so addresses stay short.
 */
public record ClientList(String query, String status, Long manager, String sort, boolean descending) {

    static final String CURRENT = "CURRENT";

    static final String ALL = "ALL";

    /** The columns one can sort by, as named in the address. */
    static final List<String> SORTS = List.of("name", "externalRef", "industry", "manager", "status",
            "paymentTerms", "contractMrr", "endpoints", "contractEnd");

    public ClientList {
        query = query == null ? "" : query.trim();
        // An unknown status (an old bookmark, a typo) lists the current clients rather than none.
        status = known(status) ? status : CURRENT;
        sort = sort != null && SORTS.contains(sort) ? sort : "name";
    }

    private static boolean known(String status) {
        return status != null && (status.equals(ALL) || status.equals(CURRENT)
                || Arrays.stream(ClientStatus.values()).anyMatch(s -> s.name().equals(status)));
    }

    /** The same list at another page (1-based). */
    public String pageHref(int page) {
        UriComponentsBuilder link = link(sort, descending);
        if (page > 1) {
            link.queryParam("page", page);
        }
        return expand(link);
    }

    /** The first page sorted by {@code column}: descending when it is already sorted ascending by it. */
    public String sortHref(String column) {
        return expand(link(column, nextDescending(column)));
    }

    /** Whether clicking a column header should sort it descending next. */
    public boolean nextDescending(String column) {
        return column.equals(sort) && !descending;
    }

    private UriComponentsBuilder link(String sortBy, boolean desc) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/clients");
        if (!query.isEmpty()) {
            link.queryParam("q", "{q}");
        }
        if (!status.equals(CURRENT)) {
            link.queryParam("status", status);
        }
        if (manager != null) {
            link.queryParam("manager", manager);
        }
        if (!sortBy.equals("name")) {
            link.queryParam("sort", sortBy);
        }
        if (desc) {
            link.queryParam("desc", true);
        }
        return link;
    }

    /** Encodes the search strictly: a {@code +} or {@code &} in it must not become a space or a new parameter. */
    private String expand(UriComponentsBuilder link) {
        return link.encode().buildAndExpand(Map.of("q", query)).toUriString();
    }
}
