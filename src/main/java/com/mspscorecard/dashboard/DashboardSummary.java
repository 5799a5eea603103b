package com.mspscorecard.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mspscorecard.scoring.PortfolioView;
import com.mspscorecard.scoring.ScorecardView;

/**
 * The dashboard's figures for one month.
 *
 * @param leaving        the first {@link #FLAGGED_SHOWN} clients recommended OFFBOARD or CONSIDER_OFFBOARDING,
 *                       biggest revenue first; {@code leavingCount} is all of them
 * @param revenueAtStake their revenue over the last 3 months
 * @param raisePrice     RAISE_PRICE candidates, biggest increase first
 * @param monthlyUplift  the sum of their suggested monthly increases
 * @param lowest         the lowest graded scores
 * @param worsened       the biggest drops over 3 months
 * @param improved       the biggest gains over 3 months
 */
record DashboardSummary(Map<String, Long> gradeCounts, List<Flagged> leaving, int leavingCount,
                        BigDecimal revenueAtStake, List<Flagged> raisePrice, int raisePriceCount,
                        BigDecimal monthlyUplift, List<ScorecardView> lowest,
                        List<ScorecardView> worsened, List<ScorecardView> improved, PortfolioView.Pareto pareto) {

    static final int LIST_SIZE = 5;

    static final int FLAGGED_SHOWN = 10;

    private static final Set<String> LEAVING = Set.of("OFFBOARD", "CONSIDER_OFFBOARDING");

    /**
     * A client on one of the dashboard's lists.
     *
     * @param revenue         revenue over the last 3 months
     * @param increase        suggested monthly increase (RAISE_PRICE only)
     * @param increasePercent the increase as a fraction of the current monthly revenue (RAISE_PRICE only)
     */
    record Flagged(ScorecardView card, BigDecimal revenue, BigDecimal increase, BigDecimal increasePercent) {
    }

    static DashboardSummary of(PortfolioView view, MoneyWindow.Totals money) {
        List<Flagged> leaving = view.scorecards().stream().filter(c -> LEAVING.contains(c.recommendation()))
                .map(c -> new Flagged(c, money.of(c.clientId()).revenue(), null, null))
                .sorted(Comparator.comparing(Flagged::revenue, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        BigDecimal atStake = leaving.stream().map(Flagged::revenue).filter(r -> r != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Flagged> raise = view.scorecards().stream().filter(c -> "RAISE_PRICE".equals(c.recommendation()))
                .map(c -> new Flagged(c, money.of(c.clientId()).revenue(), c.suggestedIncrease(), percent(c)))
                .sorted(Comparator.comparing(Flagged::increase, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        BigDecimal uplift = raise.stream().map(Flagged::increase).filter(i -> i != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<ScorecardView> lowest = view.scorecards().stream().filter(c -> c.grade() != null)
                .sorted(Comparator.comparing(ScorecardView::score)).limit(LIST_SIZE).toList();
        List<ScorecardView> worsened = view.scorecards().stream()
                .filter(c -> c.scoreChange3m() != null && c.scoreChange3m().signum() < 0)
                .sorted(Comparator.comparing(ScorecardView::scoreChange3m)).limit(LIST_SIZE).toList();
        List<ScorecardView> improved = view.scorecards().stream()
                .filter(c -> c.scoreChange3m() != null && c.scoreChange3m().signum() > 0)
                .sorted(Comparator.comparing(ScorecardView::scoreChange3m).reversed()).limit(LIST_SIZE).toList();
        return new DashboardSummary(view.gradeCounts(), first(leaving), leaving.size(), atStake, first(raise),
                raise.size(), uplift, lowest, worsened, improved, view.pareto());
    }

    private static List<Flagged> first(List<Flagged> flagged) {
        return flagged.subList(0, Math.min(FLAGGED_SHOWN, flagged.size()));
    }

    static BigDecimal percent(ScorecardView card) {
        BigDecimal increase = card.suggestedIncrease();
        if (increase == null || card.currentMonthlyRevenue().signum() == 0) {
            return null;
        }
        return increase.divide(card.currentMonthlyRevenue(), 4, RoundingMode.HALF_UP);
    }
}
