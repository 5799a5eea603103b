package com.mspscorecard.metrics;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import com.mspscorecard.clients.ClientFacts;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of the monthly entry grid: the clients of the grid's scope whose name contains the
 * filter, the slice of them this page shows, and the addresses of the other pages with the same
 * month, manager and filter. Pages are numbered from 1 as the address shows them; a number out of
 * range or not a number is clamped to the nearest page, never refused.
 *
 * <p>Fifty rows keep a page around 250 KB and fast to render at 2,000 clients (issue 18), and
 * still fit one manager's usual portfolio on one page. Public only because the template reads it.
 */
public record EntryPage(YearMonth month, String manager, String filter, int number, int pages, int total,
        List<ClientFacts> clients) {

    static final int SIZE = 50;

    /**
     * One column of the grid as every cell of it needs it: the field, the input mode a phone
     * keyboard should offer, the CSS class of its kind and its label in the page's language, worked
     * out once per page instead of once per cell (800 cells a page).
     */
    public record Column(String field, String inputMode, String kind, String label) {

        static List<Column> all(MessageSource messages, Locale locale) {
            return Arrays.stream(Metric.values()).map(m -> new Column(m.fieldName(),
                    m.kind() == Metric.Kind.COUNT ? "numeric" : "decimal", "kind-" + m.kind(),
                    messages.getMessage("metric." + m.fieldName(), null, locale))).toList();
        }
    }

    /** How many page numbers the pager shows on each side of the current one. */
    private static final int AROUND = 2;

    static EntryPage of(YearMonth month, String manager, List<ClientFacts> scope, String filter, String page) {
        String q = filter == null ? "" : filter.strip();
        List<ClientFacts> matching = q.isEmpty() ? scope : scope.stream().filter(c -> contains(c.name(), q)).toList();
        int pages = Math.max(1, (matching.size() + SIZE - 1) / SIZE);
        int number = Math.min(Math.max(parse(page), 1), pages);
        int from = (number - 1) * SIZE;
        return new EntryPage(month, manager, q, number, pages, matching.size(),
                matching.subList(from, Math.min(from + SIZE, matching.size())));
    }

    private static boolean contains(String name, String filter) {
        return name.toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT));
    }

    private static int parse(String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            return Integer.parseInt(page.strip());
        }
        catch (NumberFormatException e) {
            // Too large a number goes to the last page, anything else to the first.
            return page.strip().matches("\\d+") ? Integer.MAX_VALUE : 1;
        }
    }

    /**
     * What the grid says after saving this page: which page of how many, for how many clients, and
     * whether anything changed. A map of plain values because flash attributes travel in the
     * session, which is stored in PostgreSQL and must not depend on this class's shape.
     */
    public Map<String, Object> saved(boolean changed, int clients) {
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("changed", changed);
        saved.put("page", number);
        saved.put("pages", pages);
        saved.put("clients", clients);
        return saved;
    }

    /** 1-based position of this page's first client among all matches (0 when there is none). */
    public int first() {
        return clients.isEmpty() ? 0 : (number - 1) * SIZE + 1;
    }

    public int last() {
        return (number - 1) * SIZE + clients.size();
    }

    public boolean paged() {
        return pages > 1;
    }

    public boolean filtered() {
        return !filter.isEmpty();
    }

    /** The page numbers the pager links: the first, the last and those around this one; null marks a gap. */
    public List<Integer> window() {
        List<Integer> shown = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            if (p == 1 || p == pages || Math.abs(p - number) <= AROUND) {
                shown.add(p);
            }
            else if (shown.get(shown.size() - 1) != null) {
                shown.add(null);
            }
        }
        return shown;
    }

    /** The address of page {@code page} of this grid (relative to the application). */
    public String href(int page) {
        return link(month).queryParam("page", page).build(true).toUriString();
    }

    /** The address of the same page of the grid for another month. */
    public String hrefFor(YearMonth other) {
        UriComponentsBuilder uri = link(other);
        if (number > 1) {
            uri.queryParam("page", number);
        }
        return uri.build(true).toUriString();
    }

    private UriComponentsBuilder link(YearMonth forMonth) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/metrics/entry").queryParam("month", forMonth);
        if (manager != null && !manager.isBlank()) {
            uri.queryParam("manager", encoded(manager));
        }
        if (!filter.isEmpty()) {
            uri.queryParam("q", encoded(filter));
        }
        return uri;
    }

    // Encoded by hand: UriComponents leaves '+' as it is in a query value, which reads back as a space.
    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
