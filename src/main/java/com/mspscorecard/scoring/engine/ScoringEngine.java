package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores a client for a month: rules into a weighted score and grade, dealbreakers, and the
 * recommendation with its reasons. Stateless and thread-safe.
 */
public final class ScoringEngine {

    /** RAISE_PRICE: profitability below this … */
    static final BigDecimal RAISE_PRICE_PROFITABILITY_BELOW = BigDecimal.valueOf(50);
    /** … while payment, relationship and security are each at least this. */
    static final BigDecimal RAISE_PRICE_OTHERS_AT_LEAST = BigDecimal.valueOf(70);
    static final int PRICE_WINDOW_MONTHS = 3;
    static final int WORSENING_MONTHS = 3;

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
        java.time.LocalDate pollClosedOn = null;
        BigDecimal[] subScores = new BigDecimal[ruleCount];
        long dataWeight = 0;
        BigDecimal weighted = BigDecimal.ZERO;
        long[] categoryWeight = new long[CATEGORIES.length];
        BigDecimal[] categoryWeighted = new BigDecimal[CATEGORIES.length];

        for (int i = 0; i < ruleCount; i++) {
            RuleSettings settings = plan.settings[i];
            BigDecimal value = plan.rules[i].value(history, month, settings.windowMonths());
            if (value == null) {
                continue;
            }
            if (plan.isStaffVote(i)) {
                pollClosedOn = plan.rules[i].pollClosedOn(history, month, settings.windowMonths());
            }
            BigDecimal subScore = settings.subScore(value);
            values[i] = value;
            subScores[i] = subScore;
            BigDecimal contribution = subScore.multiply(BigDecimal.valueOf(settings.weight()));
            weighted = weighted.add(contribution);
            dataWeight += settings.weight();
            int c = settings.category().ordinal();
            categoryWeight[c] += settings.weight();
            categoryWeighted[c] = categoryWeighted[c] == null ? contribution : categoryWeighted[c].add(contribution);
        }

        BigDecimal score = dataWeight == 0 ? null : average(weighted, dataWeight);
        Map<Category, BigDecimal> categoryScores = new EnumMap<>(Category.class);
        for (Category category : CATEGORIES) {
            if (categoryWeight[category.ordinal()] > 0) {
                categoryScores.put(category, average(categoryWeighted[category.ordinal()], categoryWeight[category.ordinal()]));
            }
        }

        List<RuleResult> results = new ArrayList<>(ruleCount);
        for (int i = 0; i < ruleCount; i++) {
            results.add(RuleResult.lazy(plan, i, values[i], subScores[i], plan.points(i, subScores[i], dataWeight),
                    plan.isStaffVote(i) ? pollClosedOn : null));
        }

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
        if (dependencyRisk) {
            verdict.reasons.add(Explanation.of("reason.dependency_risk",
                    "Brings " + Quantity.FRACTION.format(position.revenueShare())
                            + " of portfolio revenue over 3 months: plan before acting",
                    position.revenueShare()));
        }

        return new Scorecard(history.clientId(), month, model.version(), score, grade, categoryScores, completeness,
                results, dealbreakers, verdict.recommendation, verdict.reasons, worsening, change, drain, dependencyRisk,
                verdict.suggestedPrice, verdict.currentRevenue);
    }

    /**
     * Scores every month that has figures, oldest first, feeding each month the score it computed
     * three months earlier.
     *
     * @param positions the client's portfolio position per month; may be null or miss months
     */
    public static List<Scorecard> scoreAllMonths(ScoringModel model, ClientHistory history,
                                                 Map<YearMonth, PortfolioPosition> positions) {
        Map<YearMonth, BigDecimal> scores = new HashMap<>();
        List<Scorecard> scorecards = new ArrayList<>(history.months().size());
        for (YearMonth month : history.months().keySet()) {
            Scorecard scorecard = score(model, history, month, positions == null ? null : positions.get(month),
                    scores.get(month.minusMonths(WORSENING_MONTHS)));
            if (scorecard.score() != null) {
                scores.put(month, scorecard.score());
            }
            scorecards.add(scorecard);
        }
        return scorecards;
    }

    private static BigDecimal average(BigDecimal weighted, long weight) {
        return weighted.divide(BigDecimal.valueOf(weight), 1, RoundingMode.HALF_UP);
    }

    /**
     * A stored scorecard's rule breakdown written again from its numbers: the values and
     * sub-scores of the model's enabled rules in model order (null = no data) and the closing day
     * of the staff poll measured. Gives the same points and sentences as {@link #score} did.
     */
    public static List<RuleResult> rules(ScoringModel model, List<BigDecimal> values, List<BigDecimal> subScores,
                                         java.time.LocalDate pollClosedOn) {
        ScoringPlan plan = ScoringPlan.peek(model);
        int count = plan.rules.length;
        if (values.size() != count || subScores.size() != count) {
            throw new IllegalArgumentException("model version " + model.version() + " has " + count
                    + " enabled rules, not " + values.size());
        }
        return plan.results(values.toArray(new BigDecimal[0]), subScores.toArray(new BigDecimal[0]), pollClosedOn);
    }

    /** The keys of the model's enabled rules, in the order scorecards list (and store) them. */
    public static List<String> ruleKeys(ScoringModel model) {
        List<String> keys = new ArrayList<>();
        for (RuleSettings settings : ScoringPlan.peek(model).settings) {
            keys.add(settings.key());
        }
        return keys;
    }

    /** The recommendation for one scorecard: the first branch that applies, with its reasons. */
    private static final class Verdict {

        private final ScoringModel model;
        private final ClientHistory history;
        private final YearMonth month;
        private final BigDecimal score;
        private final Grade grade;
        private final Map<Category, BigDecimal> categories;
        private final BigDecimal completeness;
        private final boolean sufficient;
        private final List<TriggeredDealbreaker> dealbreakers;
        private final boolean worsening;
        private final BigDecimal change;
        private final BigDecimal earlier;
        private final boolean drain;
        private final PortfolioPosition position;

        private final List<Explanation> reasons = new ArrayList<>(3);
        private Recommendation recommendation;
        private BigDecimal suggestedPrice;
        private BigDecimal currentRevenue;

        Verdict(ScoringModel model, ClientHistory history, YearMonth month, BigDecimal score, Grade grade,
                Map<Category, BigDecimal> categories, BigDecimal completeness, boolean sufficient,
                List<TriggeredDealbreaker> dealbreakers, boolean worsening, BigDecimal change, BigDecimal earlier,
                boolean drain, PortfolioPosition position) {
            this.model = model;
            this.history = history;
            this.month = month;
            this.score = score;
            this.grade = grade;
            this.categories = categories;
            this.completeness = completeness;
            this.sufficient = sufficient;
            this.dealbreakers = dealbreakers;
            this.worsening = worsening;
            this.change = change;
            this.earlier = earlier;
            this.drain = drain;
            this.position = position;
        }

        void decide() {
            if (!dealbreakers.isEmpty()) {
                recommendation = Recommendation.OFFBOARD;
                for (TriggeredDealbreaker dealbreaker : dealbreakers) {
                    reasons.add(dealbreaker.reason());
                }
                return;
            }
            if (!sufficient) {
                recommendation = Recommendation.INSUFFICIENT_DATA;
                reasons.add(Explanation.of("reason.insufficient_data",
                        "Only " + Quantity.FRACTION.format(completeness) + " of the scoring weight has data; "
                                + Quantity.FRACTION.formatThreshold(model.minimumCompleteness()) + " is needed for a grade",
                        completeness, model.minimumCompleteness()));
                return;
            }
            if (considerOffboarding()) {
                recommendation = Recommendation.CONSIDER_OFFBOARDING;
                return;
            }
            if (raisePrice()) {
                recommendation = Recommendation.RAISE_PRICE;
                return;
            }
            if (grade == Grade.C || grade == Grade.D || worsening) {
                recommendation = Recommendation.WATCH;
                if (grade == Grade.C || grade == Grade.D) {
                    reasons.add(gradeReason());
                }
                if (worsening) {
                    reasons.add(worseningReason());
                }
                return;
            }
            recommendation = Recommendation.KEEP;
            reasons.add(Explanation.of("reason.keep",
                    "Grade " + grade + " (score " + score.toPlainString() + "), no dealbreaker and no decline",
                    grade.name(), score));
        }

        private boolean considerOffboarding() {
            if (grade == Grade.F) {
                reasons.add(gradeReason());
            } else if (grade == Grade.D && worsening) {
                reasons.add(gradeReason());
                reasons.add(worseningReason());
            }
            if (drain && grade.isCOrWorse()) {
                reasons.add(Explanation.of("reason.drain",
                        "A drain: outside the top " + model.drainRevenueTopPercent() + "% of clients by revenue ("
                                + Quantity.FRACTION.format(position.revenueShare()) + " of revenue) but in the top "
                                + model.drainEffortTopPercent() + "% by effort ("
                                + Quantity.FRACTION.format(position.effortShare()) + " of effort), with grade " + grade,
                        position.revenueShare(), position.effortShare(), grade.name(),
                        model.drainRevenueTopPercent(), model.drainEffortTopPercent()));
            }
            return !reasons.isEmpty();
        }

        private boolean raisePrice() {
            BigDecimal profitability = categories.get(Category.PROFITABILITY);
            BigDecimal payment = categories.get(Category.PAYMENT);
            BigDecimal relationship = categories.get(Category.RELATIONSHIP);
            BigDecimal security = categories.get(Category.SECURITY);
            if (profitability == null || profitability.compareTo(RAISE_PRICE_PROFITABILITY_BELOW) >= 0
                    || !atLeast(payment) || !atLeast(relationship) || !atLeast(security)) {
                return false;
            }
            reasons.add(Explanation.of("reason.raise_price",
                    "Profitability scores " + profitability.toPlainString() + " (below "
                            + Quantity.plain(RAISE_PRICE_PROFITABILITY_BELOW) + ") while payment " + payment.toPlainString()
                            + ", relationship " + relationship.toPlainString() + " and security " + security.toPlainString()
                            + " are all at least " + Quantity.plain(RAISE_PRICE_OTHERS_AT_LEAST)
                            + ": the client is demanding, not bad",
                    profitability, payment, relationship, security, RAISE_PRICE_PROFITABILITY_BELOW,
                    RAISE_PRICE_OTHERS_AT_LEAST));
            Window window = Window.of(history, month, PRICE_WINDOW_MONTHS);
            BigDecimal cost = window.mean(Metric.DELIVERY_COST);
            BigDecimal revenue = window.mean(Metric.REVENUE);
            if (cost != null) {
                suggestedPrice = cost.divide(BigDecimal.ONE.subtract(model.targetMargin()), 2, RoundingMode.HALF_UP);
                currentRevenue = revenue == null ? null : revenue.setScale(2, RoundingMode.HALF_UP);
                reasons.add(priceReason());
            }
            return true;
        }

        private Explanation priceReason() {
            String target = Quantity.FRACTION.formatThreshold(model.targetMargin());
            if (currentRevenue == null || currentRevenue.signum() == 0) {
                return Explanation.of("reason.suggested_price",
                        "A monthly price of " + suggestedPrice.toPlainString() + " reaches the target margin of " + target,
                        suggestedPrice, model.targetMargin());
            }
            BigDecimal increase = suggestedPrice.subtract(currentRevenue);
            BigDecimal percent = increase.divide(currentRevenue, 4, RoundingMode.HALF_UP);
            return Explanation.of("reason.suggested_price.increase",
                    "A monthly price of " + suggestedPrice.toPlainString() + " instead of " + currentRevenue.toPlainString()
                            + " (" + signed(increase.toPlainString(), increase) + ", "
                            + signed(Quantity.FRACTION.format(percent), percent) + ") reaches the target margin of " + target,
                    suggestedPrice, currentRevenue, increase, percent, model.targetMargin());
        }

        private static String signed(String text, BigDecimal value) {
            return value.signum() > 0 ? "+" + text : text;
        }

        private static boolean atLeast(BigDecimal categoryScore) {
            return categoryScore != null && categoryScore.compareTo(RAISE_PRICE_OTHERS_AT_LEAST) >= 0;
        }

        private Explanation gradeReason() {
            return Explanation.of("reason.grade", "Grade " + grade + " (score " + score.toPlainString() + ")",
                    grade.name(), score);
        }

        private Explanation worseningReason() {
            return Explanation.of("reason.worsening",
                    "The score fell " + change.negate().toPlainString() + " points in 3 months, from "
                            + earlier.toPlainString() + " to " + score.toPlainString(),
                    change, earlier, score);
        }
    }
}
