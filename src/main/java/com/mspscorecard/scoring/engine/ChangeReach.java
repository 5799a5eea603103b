package com.mspscorecard.scoring.engine;

import java.time.YearMonth;
import java.util.Collection;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Which scorecards a change of a client's monthly figures can move, read off the engine: a rescore
 * after an import scores those and keeps the rest as stored. A month's figures reach
 * <ul>
 * <li>the client's later months whose windows include it: the rule windows that read figures, the
 *     figure windows of the dealbreakers and the suggested price's three months;</li>
 * <li>three months beyond the rule windows, through "worsening", which compares a month's score with
 *     the score three months earlier (a verdict never feeds a score, so it stops there);</li>
 * <li>every client's month and the two after it, through the portfolio (drain, dependency risk);</li>
 * <li>all of the client's months when the change may have moved its first month (a window's
 *     sentence says how many months of history it covers);</li>
 * <li>the month that was the client's latest before a new latest month arrived, when dated facts
 *     (incidents, closed polls) lie near it: only the latest month's windows end today.</li>
 * </ul>
 * {@code ChangedMonthsRescoreIntegrationTests} holds this against a full rescore.
 */
public final class ChangeReach {

    /** A month's figures are in the portfolio of that month and the two after it. */
    public static final int PORTFOLIO_MONTHS = ScoringEngine.THREE_MONTHS;

    private ChangeReach() {
    }

    /** How many months, the changed one included, a client's own scorecards can move under {@code model}. */
    public static int ownMonths(ScoringModel model) {
        ScoringPlan plan = ScoringPlan.of(model);
        int score = 0;
        for (int i = 0; i < plan.rules.length; i++) {
            if (plan.rules[i].readsFigures()) {
                score = Math.max(score, plan.settings[i].windowMonths());
            }
        }
        int verdict = Math.max(score + ScoringEngine.THREE_MONTHS, ScoringEngine.THREE_MONTHS);
        for (DealbreakerSettings settings : plan.dealbreakerSettings) {
            verdict = Math.max(verdict, settings.thresholds().figureWindowMonths());
        }
        return verdict;
    }

    /**
     * The months of {@code history} (its figures as they are after the change) whose scorecards the
     * change of {@code changed} can move; the portfolio's reach, which concerns every client, is
     * {@link #portfolioMonths} and comes on top.
     */
    public static NavigableSet<YearMonth> ownMonths(ScoringModel model, ClientHistory history,
                                                    Collection<YearMonth> changed) {
        NavigableSet<YearMonth> months = new TreeSet<>();
        NavigableSet<YearMonth> all = history.months().navigableKeySet();
        if (all.isEmpty() || changed.isEmpty()) {
            return months;
        }
        if (changed.contains(history.firstMonth())) {
            months.addAll(all);
            return months;
        }
        int reach = ownMonths(model);
        for (YearMonth month : changed) {
            months.addAll(all.subSet(month, true, month.plusMonths(reach - 1L), true));
        }
        YearMonth latest = all.last();
        if (changed.contains(latest)) {
            // The latest month before this change, if the change brought a new one: it is the latest
            // month not changed, or a changed one (scored anyway).
            YearMonth before = all.lower(latest);
            while (before != null && changed.contains(before)) {
                before = all.lower(before);
            }
            if (before != null && history.hasDatedFactsFrom(before.atDay(1).minusMonths(datedWindowMonths(model)))) {
                months.add(before);
            }
        }
        return months;
    }

    /**
     * How many months before a scored month its scorecard reads: the longest figure window (rules,
     * dealbreakers, the suggested price) less the month itself, and at least the three months to the
     * score "worsening" compares with. A history holding the figures from that many months before the
     * earliest month to score scores it as the whole history would ({@link ClientHistory#beganIn}).
     */
    public static int lookBackMonths(ScoringModel model) {
        ScoringPlan plan = ScoringPlan.of(model);
        int window = ScoringEngine.THREE_MONTHS;
        for (int i = 0; i < plan.rules.length; i++) {
            if (plan.rules[i].readsFigures()) {
                window = Math.max(window, plan.settings[i].windowMonths());
            }
        }
        for (DealbreakerSettings settings : plan.dealbreakerSettings) {
            window = Math.max(window, settings.thresholds().figureWindowMonths());
        }
        return Math.max(window - 1, ScoringEngine.THREE_MONTHS);
    }

    /** Adds the months whose portfolio a change of {@code month}'s figures moves. */
    public static void addPortfolioMonths(Collection<YearMonth> into, YearMonth month) {
        for (int i = 0; i < PORTFOLIO_MONTHS; i++) {
            into.add(month.plusMonths(i));
        }
    }

    /** The longest window counting dated facts: ending at a month's end or today, it starts no earlier. */
    private static int datedWindowMonths(ScoringModel model) {
        ScoringPlan plan = ScoringPlan.of(model);
        int months = 0;
        for (RuleSettings settings : plan.settings) {
            months = Math.max(months, settings.windowMonths());
        }
        for (DealbreakerSettings settings : plan.dealbreakerSettings) {
            if (settings.thresholds() instanceof Thresholds.IncidentCount count) {
                months = Math.max(months, count.windowMonths());
            }
        }
        return months;
    }
}
