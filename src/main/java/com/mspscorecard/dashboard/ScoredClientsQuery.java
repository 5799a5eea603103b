package com.mspscorecard.dashboard;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.mspscorecard.scoring.ScorecardView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The list's filters, sort and page as they arrive in query parameters; unknown values fall back
 * to the defaults so a hand-edited address never fails.
 */
record ScoredClientsQuery(String grade, String recommendation, Long manager, String sort, boolean descending,
                          int page) {

    static final int PAGE_SIZE = 100;

    static final List<String> SORTS = List.of("name", "grade", "score", "change", "recommendation", "revenue",
            "margin", "manager");

    static final List<String> RECOMMENDATIONS = List.of("OFFBOARD", "CONSIDER_OFFBOARDING", "RAISE_PRICE", "WATCH",
            "KEEP", "INSUFFICIENT_DATA");

    static final List<String> GRADES = List.of("A", "B", "C", "D", "F", "none");

    private static final Map<String, Integer> RECOMMENDATION_ORDER = Map.of("OFFBOARD", 0, "CONSIDER_OFFBOARDING", 1,
            "RAISE_PRICE", 2, "WATCH", 3, "INSUFFICIENT_DATA", 4, "KEEP", 5);

    static ScoredClientsQuery of(String grade, String recommendation, Long manager, String sort, String dir,
                                 Integer page) {
        return new ScoredClientsQuery(grade != null && GRADES.contains(grade) ? grade : null,
                recommendation != null && RECOMMENDATIONS.contains(recommendation) ? recommendation : null, manager,
                sort != null && SORTS.contains(sort) ? sort : "name", "desc".equals(dir), page == null || page < 1 ? 1 : page);
    }

    boolean matches(ScoredClient row) {
        ScorecardView card = row.card();
        return (grade == null || grade.equals(card.grade() == null ? "none" : card.grade()))
                && (recommendation == null || recommendation.equals(card.recommendation()))
                && (manager == null || manager.equals(card.accountManagerId()));
    }

    Comparator<ScoredClient> comparator() {
        Comparator<ScoredClient> byName = Comparator.comparing(r -> r.card().clientName().toLowerCase(Locale.ROOT));
        Comparator<ScoredClient> order = switch (sort) {
            // A before F; "insufficient data" last either way round would hide it, so it sorts as worst.
            case "grade" -> by(r -> r.card().grade() == null ? "Z" : r.card().grade());
            case "score" -> by(r -> r.card().score());
            case "change" -> by(r -> r.card().scoreChange3m());
            case "recommendation" -> by(r -> RECOMMENDATION_ORDER.getOrDefault(r.card().recommendation(), 9));
            case "revenue" -> by(ScoredClient::revenue);
            case "margin" -> by(ScoredClient::margin);
            case "manager" -> by(r -> r.manager() == null ? null : r.manager().toLowerCase(Locale.ROOT));
            default -> descending ? byName.reversed() : byName;
        };
        return order.thenComparing(byName);
    }

    /** Sorts by the key, nulls (no data) last whichever the direction. */
    private <T extends Comparable<? super T>> Comparator<ScoredClient> by(Function<ScoredClient, T> key) {
        Comparator<T> natural = descending ? Comparator.<T>reverseOrder() : Comparator.<T>naturalOrder();
        return Comparator.comparing(key, Comparator.nullsLast(natural));
    }

    /** The address that sorts by the column, keeping the filters (clicking a header twice flips it). */
    public String sortHref(String column, YearMonth month) {
        boolean flip = column.equals(sort) && !descending;
        return filtered(month).queryParam("sort", column).queryParam("dir", flip ? "desc" : "asc").build()
                .encode().toUriString();
    }

    /** The address of another page of the same list. */
    public String pageHref(int page, YearMonth month) {
        return filtered(month).queryParam("sort", sort).queryParam("dir", descending ? "desc" : "asc")
                .queryParam("page", page).build().encode().toUriString();
    }

    private UriComponentsBuilder filtered(YearMonth month) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/scorecards");
        if (month != null) {
            uri.queryParam("month", month.toString());
        }
        if (grade != null) {
            uri.queryParam("grade", grade);
        }
        if (recommendation != null) {
            uri.queryParam("recommendation", recommendation);
        }
        if (manager != null) {
            uri.queryParam("manager", manager);
        }
        return uri;
    }

    /** "ascending", "descending" or "none" for {@code aria-sort} on a column header. */
    public String ariaSort(String column) {
        return !column.equals(sort) ? "none" : descending ? "descending" : "ascending";
    }
}
