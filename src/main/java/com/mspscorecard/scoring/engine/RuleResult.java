package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How one rule contributed to a score. Without data, {@code value}, {@code subScore} and
 * {@code points} are null and the explanation says what is missing.
 *
 * @param points weight × sub-score ÷ the weight with data: the rule's points add up to the score
 */
public record RuleResult(String ruleKey, Category category, BigDecimal value, BigDecimal subScore,
                         int weight, BigDecimal points, Explanation explanation) {

    public RuleResult {
        Objects.requireNonNull(ruleKey, "ruleKey");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(explanation, "explanation");
    }

    public boolean hasData() {
        return subScore != null;
    }
}
