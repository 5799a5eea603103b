package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * All clients of one month side by side: who brings the revenue, who causes the effort, and the
 * Pareto curves that show how concentrated both are.
 *
 * <p>Effort mixes units on purpose: a client's share of hours when its hours are known, else its
 * share of new tickets. Those shares need not add up to 1, so the effort curve and headline are
 * normalised by their sum.
 */
public final class Portfolio {

    private static final int SHARE_SCALE = 6;

    private final YearMonth month;
    private final Map<Long, PortfolioPosition> positions;
    // The curves are drawn on first use: rescoring needs positions only, and the curves cost
    // three divisions a client each.
    private final java.util.function.Supplier<List<ParetoPoint>> revenueCurveSource;
    private final java.util.function.Supplier<List<ParetoPoint>> effortCurveSource;
    private volatile List<ParetoPoint> revenueCurve;
    private volatile List<ParetoPoint> effortCurve;

    private Portfolio(YearMonth month, Map<Long, PortfolioPosition> positions,
                      java.util.function.Supplier<List<ParetoPoint>> revenueCurve,
                      java.util.function.Supplier<List<ParetoPoint>> effortCurve) {
        this.month = month;
        this.positions = Collections.unmodifiableMap(positions);
        this.revenueCurveSource = revenueCurve;
        this.effortCurveSource = effortCurve;
    }

    /** The portfolio of {@code month} from each client's three-month figures. */
    public static Portfolio of(YearMonth month, Map<Long, PortfolioFigures> figures) {
        Objects.requireNonNull(month, "month");
        int n = figures.size();
        BigDecimal totalRevenue = BigDecimal.ZERO;
        BigDecimal totalHours = BigDecimal.ZERO;
        BigDecimal totalTickets = BigDecimal.ZERO;
        for (PortfolioFigures f : figures.values()) {
            totalRevenue = totalRevenue.add(f.revenue());
            if (f.hours() != null) {
                totalHours = totalHours.add(f.hours());
            }
            if (f.newTickets() != null) {
                totalTickets = totalTickets.add(f.newTickets());
            }
        }

        // One entry a client, sorted twice: no map lookups inside the comparisons.
        Entry[] byRevenue = new Entry[n];
        Entry[] byEffort = new Entry[n];
        int withEffort = 0;
        int i = 0;
        for (Map.Entry<Long, PortfolioFigures> figure : figures.entrySet()) {
            PortfolioFigures f = figure.getValue();
            BigDecimal effortShare = f.hours() != null ? share(f.hours(), totalHours)
                    : f.newTickets() != null ? share(f.newTickets(), totalTickets) : null;
            Entry entry = new Entry(figure.getKey(), share(f.revenue(), totalRevenue), effortShare);
            byRevenue[i++] = entry;
            if (effortShare != null) {
                byEffort[withEffort++] = entry;
            }
        }
        Arrays.sort(byRevenue, Comparator.comparing((Entry e) -> e.revenueShare).reversed()
                .thenComparingLong(e -> e.id));
        Arrays.sort(byEffort, 0, withEffort, Comparator.comparing((Entry e) -> e.effortShare).reversed()
                .thenComparingLong(e -> e.id));
        for (int rank = 0; rank < withEffort; rank++) {
            byEffort[rank].effortRank = rank + 1;
        }
        Map<Long, PortfolioPosition> positions = new LinkedHashMap<>(n * 2);
        for (int rank = 0; rank < n; rank++) {
            Entry entry = byRevenue[rank];
            positions.put(entry.id, new PortfolioPosition(entry.revenueShare, entry.effortShare, rank + 1,
                    entry.effortShare == null ? null : entry.effortRank, n));
        }
        List<Entry> effortOrder = Arrays.asList(byEffort).subList(0, withEffort);
        return new Portfolio(month, positions, () -> curve(Arrays.asList(byRevenue), e -> e.revenueShare, n),
                () -> curve(effortOrder, e -> e.effortShare, n));
    }

    /** A client while its portfolio is being ranked. */
    private static final class Entry {
        final long id;
        final BigDecimal revenueShare;
        final BigDecimal effortShare;
        int effortRank;

        Entry(long id, BigDecimal revenueShare, BigDecimal effortShare) {
            this.id = id;
            this.revenueShare = revenueShare;
            this.effortShare = effortShare;
        }
    }

    public YearMonth month() {
        return month;
    }

    public int size() {
        return positions.size();
    }

    public Optional<PortfolioPosition> position(long clientId) {
        return Optional.ofNullable(positions.get(clientId));
    }

    /** Every client's position, biggest revenue first. */
    public Map<Long, PortfolioPosition> positions() {
        return positions;
    }

    /** Share of revenue brought by the top {@code percent} of clients (rounded up), e.g. 0.8. */
    public BigDecimal revenueShareOfTop(int percent) {
        return cumulativeAt(revenueCurve(), PortfolioPosition.topCount(size(), percent));
    }

    /** Share of effort caused by the top {@code percent} of clients by effort (rounded up). */
    public BigDecimal effortShareOfTop(int percent) {
        return cumulativeAt(effortCurve(), PortfolioPosition.topCount(size(), percent));
    }

    /** Clients by revenue, biggest first, with the cumulative share of revenue. */
    public List<ParetoPoint> revenueCurve() {
        List<ParetoPoint> curve = revenueCurve;
        if (curve == null) {
            curve = List.copyOf(revenueCurveSource.get());
            revenueCurve = curve;
        }
        return curve;
    }

    /** Clients with effort data by effort, biggest first, with the cumulative share of effort. */
    public List<ParetoPoint> effortCurve() {
        List<ParetoPoint> curve = effortCurve;
        if (curve == null) {
            curve = List.copyOf(effortCurveSource.get());
            effortCurve = curve;
        }
        return curve;
    }

    /** Drains: outside the top by revenue, inside the top by effort. */
    public List<Long> drains(int revenueTopPercent, int effortTopPercent) {
        List<Long> drains = new ArrayList<>();
        positions.forEach((id, position) -> {
            if (position.isDrain(revenueTopPercent, effortTopPercent)) {
                drains.add(id);
            }
        });
        return drains;
    }

    private static BigDecimal cumulativeAt(List<ParetoPoint> curve, int count) {
        if (curve.isEmpty() || count == 0) {
            return BigDecimal.ZERO.setScale(SHARE_SCALE);
        }
        return curve.get(Math.min(count, curve.size()) - 1).cumulativeShare();
    }

    private static List<ParetoPoint> curve(List<Entry> ranked, java.util.function.Function<Entry, BigDecimal> share,
                                           int clientCount) {
        BigDecimal total = BigDecimal.ZERO;
        for (Entry entry : ranked) {
            total = total.add(share.apply(entry));
        }
        List<ParetoPoint> points = new ArrayList<>(ranked.size());
        BigDecimal running = BigDecimal.ZERO;
        for (int i = 0; i < ranked.size(); i++) {
            Entry entry = ranked.get(i);
            running = running.add(share.apply(entry));
            points.add(new ParetoPoint(entry.id, i + 1,
                    share(BigDecimal.valueOf(i + 1L), BigDecimal.valueOf(clientCount)),
                    share(share.apply(entry), total),
                    share(running, total)));
        }
        return points;
    }

    private static BigDecimal share(BigDecimal part, BigDecimal total) {
        return total.signum() == 0 ? BigDecimal.ZERO.setScale(SHARE_SCALE)
                : part.divide(total, SHARE_SCALE, RoundingMode.HALF_UP);
    }
}
