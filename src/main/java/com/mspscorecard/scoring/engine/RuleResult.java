package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How one rule contributed to a score. Without data, {@code value}, {@code subScore} and
 * {@code points} are null and the explanation says what is missing.
 *
 * @param points       weight × sub-score ÷ the weight with data: the rules' points add up to the score
 * @param pollClosedOn the closing day of the staff poll the staff vote rule measured; null otherwise
 * @param historyMonths months from the client's first figures to the scored month (for a window longer than that)
 */
public record RuleResult(Rule rule, RuleSettings settings, BigDecimal value, BigDecimal subScore, BigDecimal points,
                         LocalDate pollClosedOn, int historyMonths) {

    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(settings, "settings");
    }

    public String ruleKey() {
        return settings.key();
    }

    public Category category() {
        return settings.category();
    }

    public Quantity quantity() {
        return rule.quantity();
    }

    public int weight() {
        return settings.weight();
    }

    public boolean hasData() {
        return subScore != null;
    }

    /** The sentence: the measured value against the thresholds and the sub-score, or what is missing. */
    public Explanation explanation() {
        return rule.explain(settings, value, subScore, pollClosedOn, historyMonths);
    }
}
