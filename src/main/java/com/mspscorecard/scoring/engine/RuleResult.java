package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How one rule contributed to a score. Without data, {@code value}, {@code subScore} and
 * {@code points} are null and the explanation says what is missing.
 *
 * <p>The explanation is written on first use: rescoring a portfolio stores the numbers only, and
 * its 1.4 million sentences would cost more than the scoring itself.
 */
public final class RuleResult {

    private final String ruleKey;
    private final Category category;
    private final BigDecimal value;
    private final BigDecimal subScore;
    private final int weight;
    private final BigDecimal points;
    private final LocalDate pollClosedOn;
    private final ScoringPlan plan;
    private final int index;
    private volatile Explanation explanation;

    public RuleResult(String ruleKey, Category category, BigDecimal value, BigDecimal subScore, int weight,
                      BigDecimal points, Explanation explanation) {
        this(ruleKey, category, value, subScore, weight, points, null, null, -1,
                Objects.requireNonNull(explanation, "explanation"));
    }

    private RuleResult(String ruleKey, Category category, BigDecimal value, BigDecimal subScore, int weight,
                       BigDecimal points, LocalDate pollClosedOn, ScoringPlan plan, int index, Explanation explanation) {
        this.ruleKey = Objects.requireNonNull(ruleKey, "ruleKey");
        this.category = Objects.requireNonNull(category, "category");
        this.value = value;
        this.subScore = subScore;
        this.weight = weight;
        this.points = points;
        this.pollClosedOn = pollClosedOn;
        this.plan = plan;
        this.index = index;
        this.explanation = explanation;
    }

    /** A result whose sentence the plan writes when someone asks for it. */
    static RuleResult lazy(ScoringPlan plan, int index, BigDecimal value, BigDecimal subScore, BigDecimal points,
                           LocalDate pollClosedOn) {
        RuleSettings settings = plan.settings[index];
        return new RuleResult(settings.key(), settings.category(), value, subScore, settings.weight(), points,
                pollClosedOn, plan, index, null);
    }

    public String ruleKey() {
        return ruleKey;
    }

    public Category category() {
        return category;
    }

    public BigDecimal value() {
        return value;
    }

    public BigDecimal subScore() {
        return subScore;
    }

    public int weight() {
        return weight;
    }

    /** weight × sub-score ÷ the weight with data: the rule's points add up to the score. */
    public BigDecimal points() {
        return points;
    }

    /** The closing day of the staff poll the staff vote rule measured; null otherwise. */
    public LocalDate pollClosedOn() {
        return pollClosedOn;
    }

    public Explanation explanation() {
        Explanation written = explanation;
        if (written == null) {
            written = plan.explain(index, value, subScore, pollClosedOn);
            explanation = written;
        }
        return written;
    }

    public boolean hasData() {
        return subScore != null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuleResult that && weight == that.weight && ruleKey.equals(that.ruleKey)
                && category == that.category && Objects.equals(value, that.value)
                && Objects.equals(subScore, that.subScore) && Objects.equals(points, that.points)
                && explanation().equals(that.explanation());
    }

    @Override
    public int hashCode() {
        return Objects.hash(ruleKey, category, value, subScore, weight, points);
    }

    @Override
    public String toString() {
        return "RuleResult[" + ruleKey + ", value=" + value + ", subScore=" + subScore + ", weight=" + weight
                + ", points=" + points + ", " + explanation().text() + "]";
    }
}
