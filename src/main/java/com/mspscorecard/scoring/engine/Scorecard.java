package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client's score for one month under one model version, explained rule by rule, with the
 * recommendation and its reasons.
 *
 * @param score                 0–100 to one decimal; null when no rule has data
 * @param grade                 null ("insufficient data") below the model's minimum completeness
 * @param categoryScores        only the categories with data
 * @param completeness          weight with data ÷ all enabled weight, 0–1 to three decimals
 * @param scoreChange3m         score minus the score three months earlier; null without both
 * @param drain                 outside the top clients by revenue, inside the top by effort
 * @param dependencyRisk        the client brings at least the model's dependency share of revenue
 * @param suggestedMonthlyPrice only with {@link Recommendation#RAISE_PRICE}
 * @param currentMonthlyRevenue only with {@link Recommendation#RAISE_PRICE}: mean revenue over 3 months
 */
public record Scorecard(long clientId,
                        YearMonth month,
                        int modelVersion,
                        BigDecimal score,
                        Grade grade,
                        Map<Category, BigDecimal> categoryScores,
                        BigDecimal completeness,
                        List<RuleResult> rules,
                        List<TriggeredDealbreaker> dealbreakers,
                        Recommendation recommendation,
                        List<Explanation> reasons,
                        boolean worsening,
                        BigDecimal scoreChange3m,
                        boolean drain,
                        boolean dependencyRisk,
                        BigDecimal suggestedMonthlyPrice,
                        BigDecimal currentMonthlyRevenue) {

    public Scorecard {
        EnumMap<Category, BigDecimal> categories = new EnumMap<>(Category.class);
        categories.putAll(categoryScores);
        categoryScores = Collections.unmodifiableMap(categories);
        rules = List.copyOf(rules);
        dealbreakers = List.copyOf(dealbreakers);
        reasons = List.copyOf(reasons);
    }

    public Optional<BigDecimal> categoryScore(Category category) {
        return Optional.ofNullable(categoryScores.get(category));
    }

    public Optional<RuleResult> rule(String key) {
        for (RuleResult rule : rules) {
            if (rule.ruleKey().equals(key)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
