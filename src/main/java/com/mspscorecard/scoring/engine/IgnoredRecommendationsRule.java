package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** Ignored ÷ (implemented + ignored) recommendations; fewer is better. */
final class IgnoredRecommendationsRule implements Rule {

    @Override
    public String key() {
        return "ignored_recommendations";
    }

    @Override
    public Category category() {
        return Category.RELATIONSHIP;
    }

    @Override
    public Quantity quantity() {
        return Quantity.FRACTION;
    }

    @Override
    public String subject() {
        return "followed or ignored recommendations";
    }

    @Override
    public BigDecimal value(ClientHistory history, YearMonth month, int windowMonths) {
        Window window = Window.of(history, month, windowMonths);
        return ignoredShare(window);
    }

    @Override
    public String words(BigDecimal share, int windowMonths, LocalDate pollClosedOn) {
        return quantity().format(share) + " of recommendations ignored " + Window.inTheLast(windowMonths);
    }

    /** Shared with the repeated-security-alarms dealbreaker so both read the figures alike. */
    static BigDecimal ignoredShare(Window window) {
        return window.shareOf(Metric.RECOMMENDATIONS_IGNORED, Metric.RECOMMENDATIONS_IMPLEMENTED);
    }
}
