package com.mspscorecard.scoring.engine;

import static com.mspscorecard.scoring.engine.Explanation.fraction;
import static com.mspscorecard.scoring.engine.Explanation.fractionThreshold;
import static com.mspscorecard.scoring.engine.Explanation.number;
import static com.mspscorecard.scoring.engine.Explanation.plain;
import static com.mspscorecard.scoring.engine.Explanation.text;
import static com.mspscorecard.scoring.engine.Explanation.whole;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mspscorecard.metrics.Metric;

/**
 * The recommendation for one scorecard: the first branch of the product specification that
 * applies, with its reasons as sentence codes and arguments.
 */
final class Verdict {

    /** RAISE_PRICE: profitability below this … */
    static final BigDecimal RAISE_PRICE_PROFITABILITY_BELOW = BigDecimal.valueOf(50);
    /** … while payment, relationship and security are each at least this. */
    static final BigDecimal RAISE_PRICE_OTHERS_AT_LEAST = BigDecimal.valueOf(70);

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

    final List<Explanation> reasons = new ArrayList<>(3);
    Recommendation recommendation;
    BigDecimal suggestedPrice;
    BigDecimal currentRevenue;

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
            reasons.add(Explanation.of("reason.insufficient_data", fraction(completeness),
                    fractionThreshold(model.minimumCompleteness())));
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
        reasons.add(Explanation.of("reason.keep", text(grade.name()), number(score)));
    }

    private boolean considerOffboarding() {
        if (grade == Grade.F) {
            reasons.add(gradeReason());
        } else if (grade == Grade.D && worsening) {
            reasons.add(gradeReason());
            reasons.add(worseningReason());
        }
        if (drain && grade.isCOrWorse()) {
            reasons.add(Explanation.of("reason.drain", fraction(position.revenueShare()),
                    fraction(position.effortShare()), text(grade.name()), whole(model.drainRevenueTopPercent()),
                    whole(model.drainEffortTopPercent())));
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
        reasons.add(Explanation.of("reason.raise_price", number(profitability), number(payment), number(relationship),
                number(security), plain(RAISE_PRICE_PROFITABILITY_BELOW), plain(RAISE_PRICE_OTHERS_AT_LEAST)));
        Window window = Window.of(history, month, ScoringEngine.THREE_MONTHS);
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
        if (currentRevenue == null || currentRevenue.signum() == 0) {
            return Explanation.of("reason.suggested_price", number(suggestedPrice),
                    fractionThreshold(model.targetMargin()));
        }
        BigDecimal increase = suggestedPrice.subtract(currentRevenue);
        BigDecimal percent = increase.divide(currentRevenue, 4, RoundingMode.HALF_UP);
        return Explanation.of("reason.suggested_price.increase", number(suggestedPrice), number(currentRevenue),
                "p" + increase.toPlainString(), Explanation.signedFraction(percent), fractionThreshold(model.targetMargin()));
    }

    private static boolean atLeast(BigDecimal categoryScore) {
        return categoryScore != null && categoryScore.compareTo(RAISE_PRICE_OTHERS_AT_LEAST) >= 0;
    }

    private Explanation gradeReason() {
        return Explanation.of("reason.grade", text(grade.name()), number(score));
    }

    private Explanation worseningReason() {
        return Explanation.of("reason.worsening", "N" + change.toPlainString(), number(earlier), number(score));
    }
}
