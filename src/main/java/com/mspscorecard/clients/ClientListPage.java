package com.mspscorecard.clients;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of the clients list: its rows, which page it is (1-based) and how many clients match
 * in all, for "51–100 of 2,000" and the page links.
 */
public record ClientListPage(List<ClientRow> rows, int number, int size, long total) {

    /** Pages of 50: a screenful or two, and one fiftieth of a 2,000-client list. */
    static final int SIZE = 50;

    /** Page links shown on each side of the current one, besides the first and the last. */
    private static final int NEIGHBOURS = 2;

    /**
     * The page asked for in the address, read leniently: missing, not a number or below 1 is the
     * first page; a number too large for an int is "the end" and is clamped to the last page later.
     */
    static int requested(String page) {
        String digits = page == null ? "" : page.trim();
        if (!digits.matches("\\d+")) {
            return 1;
        }
        return new BigInteger(digits).max(BigInteger.ONE).min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
    }

    /** How many pages {@code total} matches fill; an empty list still has one (empty) page. */
    static int pages(long total, int size) {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public int pages() {
        return pages(total, size);
    }

    /** Position of the page's first row among all matches (1-based); 0 when nothing matches. */
    public long first() {
        return rows.isEmpty() ? 0 : (long) (number - 1) * size + 1;
    }

    public long last() {
        return first() + rows.size() - (rows.isEmpty() ? 0 : 1);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages();
    }

    /**
     * The page numbers to link, in order, with 0 where a run of pages is left out: the first, the
     * last, and two on each side of this one ({@code 1 … 4 5 [6] 7 8 … 40}). A gap of one page shows
     * that page instead of "…", which would hide nothing.
     */
    public List<Integer> links() {
        int pages = pages();
        List<Integer> links = new ArrayList<>();
        int from = Math.max(1, number - NEIGHBOURS);
        int to = Math.min(pages, number + NEIGHBOURS);
        if (from > 1) {
            links.add(1);
            if (from == 3) {
                links.add(2);
            }
            else if (from > 3) {
                links.add(0);
            }
        }
        for (int n = from; n <= to; n++) {
            links.add(n);
        }
        if (to < pages) {
            if (to == pages - 2) {
                links.add(pages - 1);
            }
            else if (to < pages - 2) {
                links.add(0);
            }
            links.add(pages);
        }
        return links;
    }
}
