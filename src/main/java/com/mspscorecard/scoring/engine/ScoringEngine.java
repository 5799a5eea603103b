package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores a client for a month: rules into a weighted score and grade, dealbreakers, and the
 * recommendation with its reasons ({@link Verdict}). Stateless and thread-safe.
 */
public final class ScoringEngine {

    /**
     * The length of every three-month window that is not a rule's own: worsening compares with the
     * score three months earlier, a suggested price and the portfolio's revenue and effort shares
     * look at three months.
     */
    public static final int THREE_MONTHS = 3;

    private static final Category[] CATEGORIES = Category.values();

    private ScoringEngine() {
    }

    /**
     * Scores one client for one month.
     *
     * @param position                where the client stands in the portfolio this month; null when unknown
     *                                (then the client is never a drain nor a dependency risk)
     * @param scoreThreeMonthsEarlier the client's score three months earlier under the same model; may be null
     */
    public static Scorecard score(ScoringModel model, ClientHistory history, YearMonth month,
                                  PortfolioPosition position, BigDecimal scoreThreeMonthsEarlier) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(month, "month");

        ScoringPlan plan = ScoringPlan.of(model);
        int ruleCount = plan.rules.length;
        BigDecimal[] values = new BigDecimal[ruleCount];
        LocalDate pollClosedOn = null;
        BigDecimal[] subScores = new BigDecimal[ruleCount];
        long dataWeight = 0;
        // Sub-scores have one decimal: sums of sub-score × weight are kept in whole tenths (exact),
        // and divided once, rounding half up as BigDecimal would (it was a fifth of the engine's time).
        long weighted = 0;
        long[] categoryWeight = new long[CATEGORIES.length];
        long[] categoryWeighted = new long[CATEGORIES.length];

        for (int i = 0; i < ruleCount; i++) {
            RuleSettings settings = plan.settings[i];
            BigDecimal value = plan.rules[i].value(history, month, settings.windowMonths());
            if (value == null) {
                continue;
            }
            if (plan.rules[i].measuresStaffPoll()) {
                pollClosedOn = plan.rules[i].pollClosedOn(history, month, settings.windowMonths());
            }
            BigDecimal subScore = settings.subScore(value);
            values[i] = value;
            subScores[i] = subScore;
            long contribution = tenths(subScore) * settings.weight();
            weighted += contribution;
            dataWeight += settings.weight();
            int c = settings.category().ordinal();
            categoryWeight[c] += settings.weight();
            categoryWeighted[c] += contribution;
        }

        BigDecimal score = dataWeight == 0 ? null : average(weighted, dataWeight);
        Map<Category, BigDecimal> categoryScores = new EnumMap<>(Category.class);
        for (Category category : CATEGORIES) {
            if (categoryWeight[category.ordinal()] > 0) {
                categoryScores.put(category, average(categoryWeighted[category.ordinal()], categoryWeight[category.ordinal()]));
            }
        }
        int historyMonths = history.firstMonth() == null ? 0
                : MonthIndex.of(month) - MonthIndex.of(history.firstMonth()) + 1;
        List<RuleResult> results = plan.results(values, subScores, pollClosedOn, historyMonths);

        long enabledWeight = plan.enabledWeight;
        BigDecimal completeness = enabledWeight == 0 ? BigDecimal.ZERO.setScale(3)
                : BigDecimal.valueOf(dataWeight).divide(BigDecimal.valueOf(enabledWeight), 3, RoundingMode.HALF_UP);
        // Compared unrounded: 49.96% must not pass a 50% minimum.
        boolean sufficient = score != null && BigDecimal.valueOf(dataWeight)
                .compareTo(model.minimumCompleteness().multiply(BigDecimal.valueOf(enabledWeight))) >= 0;
        Grade grade = sufficient ? model.gradeBands().gradeOf(score) : null;

        List<TriggeredDealbreaker> dealbreakers = new ArrayList<>(2);
        for (int i = 0; i < plan.dealbreakers.length; i++) {
            DealbreakerSettings settings = plan.dealbreakerSettings[i];
            plan.dealbreakers[i].check(history, month, settings)
                    .ifPresent(reason -> dealbreakers.add(new TriggeredDealbreaker(settings.key(), reason)));
        }

        BigDecimal change = score != null && scoreThreeMonthsEarlier != null
                ? score.subtract(scoreThreeMonthsEarlier) : null;
        boolean worsening = change != null && change.negate().compareTo(model.worseningPoints()) >= 0;
        boolean drain = position != null && position.isDrain(model.drainRevenueTopPercent(), model.drainEffortTopPercent());
        boolean dependencyRisk = position != null && position.isDependencyRisk(model.dependencyShare());

        Verdict verdict = new Verdict(model, history, month, score, grade, categoryScores, completeness, sufficient,
                dealbreakers, worsening, change, scoreThreeMonthsEarlier, drain, position);
        verdict.decide();
        if (verdict.recommendation != Recommendation.INSUFFICIENT_DATA) {
            verdict.reasons.addAll(costliest(plan, values, subScores, dataWeight));
        }
        if (dependencyRisk) {
            verdict.reasons.add(Explanation.of("reason.dependency_risk", Explanation.fraction(position.revenueShare())));
        }

        return new Scorecard(history.clientId(), month, model.version(), score, grade, categoryScores, completeness,
                results, dealbreakers, verdict.recommendation, verdict.reasons, worsening, change, drain, dependencyRisk,
                verdict.suggestedPrice, verdict.currentRevenue);
    }

    /**
     * Scores every month that has figures, oldest first, feeding each month the score it computed
     * three months earlier: the one way a history is scored, by the full rescore, the single-client
     * rescore and the tests alike.
     *
     * @param positions the client's portfolio position in a month; null when unknown
     */
    public static List<Scorecard> scoreAllMonths(ScoringModel model, ClientHistory history,
                                                 Function<YearMonth, PortfolioPosition> positions) {
        return scoreMonths(model, history, history.months().keySet(), positions, month -> null);
    }

    /**
     * Scores the history's months that are in {@code months}, oldest first, as {@link #scoreAllMonths}
     * scores them: a month is fed the score computed here three months earlier when that month is
     * scored too, else {@code earlierScores}' (the stored one, which the change did not reach:
     * {@link ChangeReach}).
     */
    public static List<Scorecard> scoreMonths(ScoringModel model, ClientHistory history, Set<YearMonth> months,
                                              Function<YearMonth, PortfolioPosition> positions,
                                              Function<YearMonth, BigDecimal> earlierScores) {
        List<Scorecard> scorecards = new ArrayList<>(months.size());
        if (history.months().isEmpty()) {
            return scorecards;
        }
        // The scores computed here, by month index from the first month (YearMonth's hash codes put a
        // five-year history into five buckets of a HashMap)
        int first = MonthIndex.of(history.months().firstKey());
        BigDecimal[] scores = new BigDecimal[MonthIndex.of(history.months().lastKey()) - first + 1];
        for (YearMonth month : history.months().keySet()) {
            if (!months.contains(month)) {
                continue;
            }
            YearMonth earlier = month.minusMonths(THREE_MONTHS);
            int earlierAt = MonthIndex.of(earlier) - first;
            Scorecard scorecard = score(model, history, month, positions.apply(month),
                    months.contains(earlier) ? (earlierAt >= 0 ? scores[earlierAt] : null) : earlierScores.apply(earlier));
            scores[MonthIndex.of(month) - first] = scorecard.score();
            scorecards.add(scorecard);
        }
        return scorecards;
    }

    /** How many rules a recommendation names among those that cost the most points. */
    static final int COSTLIEST_RULES = 3;

    /**
     * The rules that cost the most points, most first (at most {@link #COSTLIEST_RULES}, none that cost
     * nothing): each with its value and its target, so that a recommendation says why. A rule's cost is
     * weight × (100 − sub-score) ÷ the weight with data, the points it keeps the score below 100.
     */
    private static List<Explanation> costliest(ScoringPlan plan, BigDecimal[] values, BigDecimal[] subScores,
                                               long dataWeight) {
        if (dataWeight == 0) {
            return List.of();
        }
        // The points each rule costs, (100 − sub-score) × weight ÷ weight with data, rounded half up
        // to one decimal, kept as whole tenths: sub-scores have one decimal, so this is exact and the
        // same as BigDecimal arithmetic, and it runs for every scorecard of a full rescore (measured:
        // BigDecimal here was about a fifth of the engine's time).
        int count = subScores.length;
        int[] costing = new int[count];
        long[] tenths = new long[count];
        int found = 0;
        for (int i = 0; i < count; i++) {
            if (subScores[i] == null) {
                continue;
            }
            long subTenths = tenths(subScores[i]);
            if (subTenths >= 1000) {
                continue;
            }
            long numerator = (1000 - subTenths) * plan.settings[i].weight();
            long cost = (2 * numerator + dataWeight) / (2 * dataWeight);
            if (cost > 0) {
                tenths[i] = cost;
                // Most points first; a tie keeps the order of the rules (insertion sort of at most 12).
                int at = found++;
                while (at > 0 && tenths[costing[at - 1]] < cost) {
                    costing[at] = costing[at - 1];
                    at--;
                }
                costing[at] = i;
            }
        }
        List<Explanation> reasons = new ArrayList<>(COSTLIEST_RULES);
        for (int k = 0; k < Math.min(COSTLIEST_RULES, found); k++) {
            int i = costing[k];
            Quantity quantity = plan.rules[i].quantity();
            reasons.add(Explanation.of("reason.cost", Explanation.word("scoring.rule." + plan.settings[i].key()),
                    Explanation.measured(quantity, values[i]), Explanation.threshold(quantity, plan.settings[i].good()),
                    Explanation.number(BigDecimal.valueOf(tenths[i], 1))));
        }
        return reasons;
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A sub-score (0–100, at most one decimal) in whole tenths. */
    static long tenths(BigDecimal subScore) {
        return subScore.movePointRight(1).longValueExact();
    }

    /** {@code weightedTenths ÷ weight}, a non-negative score to one decimal, rounded half up. */
    private static BigDecimal average(long weightedTenths, long weight) {
        return BigDecimal.valueOf((2 * weightedTenths + weight) / (2 * weight), 1);
    }

    /**
     * A stored scorecard's rule breakdown read back from its numbers: the values and sub-scores of
     * the model's enabled rules in model order (null = no data) and the closing day of the staff
     * poll measured, and the months from the client's first figures to the scored month. Gives the same
     * points and sentences as {@link #score} did; measures nothing.
     */
    public static List<RuleResult> rules(ScoringModel model, List<BigDecimal> values, List<BigDecimal> subScores,
                                         LocalDate pollClosedOn, int historyMonths) {
        ScoringPlan plan = ScoringPlan.of(model);
        int count = plan.rules.length;
        if (values.size() != count || subScores.size() != count) {
            throw new IllegalArgumentException("model version " + model.version() + " has " + count
                    + " enabled rules, not " + values.size());
        }
        return plan.results(values.toArray(new BigDecimal[0]), subScores.toArray(new BigDecimal[0]), pollClosedOn,
                historyMonths);
    }

    /** The keys of the model's enabled rules, in the order scorecards list (and store) them. */
    public static List<String> ruleKeys(ScoringModel model) {
        List<String> keys = new ArrayList<>();
        for (RuleSettings settings : ScoringPlan.of(model).settings) {
            keys.add(settings.key());
        }
        return keys;
    }
}
