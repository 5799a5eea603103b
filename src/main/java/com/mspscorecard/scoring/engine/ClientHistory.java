package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Everything the engine knows about one client: terms, endpoints, monthly figures, red-flag
 * incidents and the client's share of the points in each closed staff poll.
 *
 * @param defaultEndpoints the client's endpoints; used for months whose figures lack
 *                         {@code endpoints}. May be null.
 * @param closedPolls      closing date of each closed poll → this client's share of all Borda
 *                         points in it, between 0 and 1
 *
 * <p>A history may know today's date ({@link #asOfToday}): then the windows of its latest month that
 * count dated facts (red-flag incidents, staff polls) end today rather than at the month's end,
 * keeping their length, so a red flag counts the day it is logged (product specification §3,
 * "as of today"). Earlier months keep their month-end windows, so history stays reproducible.
 */
public final class ClientHistory {

    private final long clientId;
    private final PaymentTerms terms;
    private final Integer defaultEndpoints;
    private final NavigableMap<YearMonth, MonthlyFigures> months;
    private final List<IncidentFact> incidents;
    private final NavigableMap<LocalDate, BigDecimal> closedPolls;
    /** The months' figures oldest first, and each one's month as a number: windows are index ranges. */
    private final MonthlyFigures[] ordered;
    private final int[] monthNumbers;
    /** No month missing between the first and the last: then a month's index is a subtraction. */
    private final boolean contiguous;
    /** Today's date in the installation's time zone; null: every window ends at its month's end. */
    private final LocalDate today;
    /** The month of the client's first figures: the first held, or an earlier one ({@link #beganIn}). */
    private final YearMonth firstMonth;

    public ClientHistory(long clientId, PaymentTerms terms, Integer defaultEndpoints,
                         NavigableMap<YearMonth, MonthlyFigures> months, List<IncidentFact> incidents,
                         NavigableMap<LocalDate, BigDecimal> closedPolls) {
        Objects.requireNonNull(terms, "terms");
        if (defaultEndpoints != null && defaultEndpoints < 0) {
            throw new IllegalArgumentException("defaultEndpoints is negative: " + defaultEndpoints);
        }
        TreeMap<YearMonth, MonthlyFigures> monthsCopy = new TreeMap<>();
        if (months != null) {
            for (Map.Entry<YearMonth, MonthlyFigures> entry : months.entrySet()) {
                if (!entry.getKey().equals(entry.getValue().month())) {
                    throw new IllegalArgumentException("figures of " + entry.getValue().month() + " filed under " + entry.getKey());
                }
                monthsCopy.put(entry.getKey(), entry.getValue());
            }
        }
        months = Collections.unmodifiableNavigableMap(monthsCopy);
        // Sorted by date so that a window's incidents are found by binary search.
        List<IncidentFact> sorted = new ArrayList<>(incidents == null ? List.of() : incidents);
        sorted.sort(Comparator.comparing(IncidentFact::occurredOn));
        incidents = Collections.unmodifiableList(sorted);
        TreeMap<LocalDate, BigDecimal> pollsCopy = new TreeMap<>();
        if (closedPolls != null) {
            for (Map.Entry<LocalDate, BigDecimal> entry : closedPolls.entrySet()) {
                BigDecimal share = Objects.requireNonNull(entry.getValue(), "poll share");
                if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
                    throw new IllegalArgumentException("poll share must be between 0 and 1: " + share);
                }
                pollsCopy.put(entry.getKey(), share);
            }
        }
        closedPolls = Collections.unmodifiableNavigableMap(pollsCopy);
        this.clientId = clientId;
        this.terms = terms;
        this.defaultEndpoints = defaultEndpoints;
        this.months = months;
        this.incidents = incidents;
        this.closedPolls = closedPolls;
        this.ordered = monthsCopy.values().toArray(new MonthlyFigures[0]);
        this.monthNumbers = new int[ordered.length];
        for (int i = 0; i < ordered.length; i++) {
            monthNumbers[i] = MonthIndex.of(ordered[i].month());
        }
        this.contiguous = ordered.length == 0 || monthNumbers[ordered.length - 1] - monthNumbers[0] == ordered.length - 1;
        this.today = null;
        this.firstMonth = months.isEmpty() ? null : months.firstKey();
    }

    private ClientHistory(ClientHistory history, LocalDate today, YearMonth firstMonth) {
        this.clientId = history.clientId;
        this.terms = history.terms;
        this.defaultEndpoints = history.defaultEndpoints;
        this.months = history.months;
        this.incidents = history.incidents;
        this.closedPolls = history.closedPolls;
        this.ordered = history.ordered;
        this.monthNumbers = history.monthNumbers;
        this.contiguous = history.contiguous;
        this.today = today;
        this.firstMonth = firstMonth;
    }

    /** The same history scored as of {@code today}: see the class comment. */
    public ClientHistory asOfToday(LocalDate today) {
        return new ClientHistory(this, Objects.requireNonNull(today, "today"), firstMonth);
    }

    /**
     * The same history, holding the figures from some month on only, of a client whose figures began
     * in {@code first}: it scores the months whose windows it holds entirely as the whole history
     * would (a rule's sentence counts the months of history from {@code first}).
     */
    public ClientHistory beganIn(YearMonth first) {
        Objects.requireNonNull(first, "first");
        if (!months.isEmpty() && first.isAfter(months.firstKey())) {
            throw new IllegalArgumentException("figures of " + months.firstKey() + " before the first month " + first);
        }
        return new ClientHistory(this, today, first);
    }

    /** The month of the client's first figures; null without any. */
    public YearMonth firstMonth() {
        return firstMonth;
    }

    /**
     * Where the dated windows of {@code month} end when it is not at the month's end: today, for
     * the history's latest month once that month has begun; otherwise null.
     */
    LocalDate endsToday(YearMonth month) {
        if (today == null || ordered.length == 0 || !month.equals(ordered[ordered.length - 1].month())
                || today.isBefore(month.atDay(1))) {
            return null;
        }
        return today;
    }

    /** Whether an incident or a closed poll is dated on or after {@code day}. */
    boolean hasDatedFactsFrom(LocalDate day) {
        return (!incidents.isEmpty() && !incidents.get(incidents.size() - 1).occurredOn().isBefore(day))
                || closedPolls.ceilingKey(day) != null;
    }

    public long clientId() {
        return clientId;
    }

    public PaymentTerms terms() {
        return terms;
    }

    public Integer defaultEndpoints() {
        return defaultEndpoints;
    }

    public NavigableMap<YearMonth, MonthlyFigures> months() {
        return months;
    }

    public List<IncidentFact> incidents() {
        return incidents;
    }

    public NavigableMap<LocalDate, BigDecimal> closedPolls() {
        return closedPolls;
    }

    MonthlyFigures[] ordered() {
        return ordered;
    }

    /** Index in {@link #ordered()} of the first month at or after {@code month}. */
    int indexFrom(YearMonth month) {
        int wanted = MonthIndex.of(month);
        if (contiguous) {
            return ordered.length == 0 ? 0 : Math.max(0, Math.min(ordered.length, wanted - monthNumbers[0]));
        }
        int low = 0;
        int high = monthNumbers.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (monthNumbers[mid] < wanted) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }


    /** A history from a plain collection of monthly figures. */
    public static ClientHistory of(long clientId, PaymentTerms terms, Integer defaultEndpoints,
                                   Collection<MonthlyFigures> figures, List<IncidentFact> incidents,
                                   Map<LocalDate, BigDecimal> closedPolls) {
        TreeMap<YearMonth, MonthlyFigures> byMonth = new TreeMap<>();
        for (MonthlyFigures f : figures) {
            if (byMonth.put(f.month(), f) != null) {
                throw new IllegalArgumentException("two sets of figures for " + f.month());
            }
        }
        return new ClientHistory(clientId, terms, defaultEndpoints, byMonth, incidents,
                closedPolls == null ? null : new TreeMap<>(closedPolls));
    }

    /** Number of incidents dated from {@code from} to {@code to}, both included, that match. */
    int countIncidents(LocalDate from, LocalDate to, Predicate<IncidentCategory> matching) {
        int low = 0;
        int high = incidents.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (incidents.get(mid).occurredOn().isBefore(from)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        int count = 0;
        for (int i = low; i < incidents.size(); i++) {
            IncidentFact incident = incidents.get(i);
            if (incident.occurredOn().isAfter(to)) {
                break;
            }
            if (matching.test(incident.category())) {
                count++;
            }
        }
        return count;
    }
}
