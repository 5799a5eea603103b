package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.function.Function;

/**
 * One scoring rule: what it measures over a window of months ending at the scored month, and how
 * it is tuned in the default model. Turning the measurement into a sub-score is the same for every
 * rule ({@link RuleSettings#subScore}); its sentences are {@code explanation.rule.<key>} and
 * {@code explanation.rule.<key>.no_data} in the scoring bundle. Every rule is a line in
 * {@link Rules#all()}.
 */
public final class Rule {

    private final RuleSettings defaults;
    private final Quantity quantity;
    private final Function<Window, BigDecimal> measure;
    private final boolean staffPoll;
    /** Counts dated facts (incidents, polls) rather than monthly figures: its window is not limited by the figures' history. */
    private final boolean datedFacts;

    private Rule(RuleSettings defaults, Quantity quantity, Function<Window, BigDecimal> measure, boolean staffPoll,
                 boolean datedFacts) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.quantity = Objects.requireNonNull(quantity, "quantity");
        this.measure = Objects.requireNonNull(measure, "measure");
        this.staffPoll = staffPoll;
        this.datedFacts = datedFacts;
    }

    /**
     * A rule measuring {@code measure} over its window (null = no data), tuned by default with
     * {@code good}, {@code bad}, {@code weight} and a window of {@code windowMonths}.
     */
    static Rule of(String key, Category category, Quantity quantity, String good, String bad, int weight,
                   int windowMonths, Function<Window, BigDecimal> measure) {
        return new Rule(new RuleSettings(key, category, new BigDecimal(good), new BigDecimal(bad), weight, windowMonths,
                true), quantity, measure, false, false);
    }

    /** A rule counting the client's red-flag incidents of the window, dated facts rather than monthly figures. */
    static Rule incidents(String key, Category category, String good, String bad, int weight, int windowMonths,
                          Function<Window, BigDecimal> measure) {
        return new Rule(new RuleSettings(key, category, new BigDecimal(good), new BigDecimal(bad), weight, windowMonths,
                true), Quantity.COUNT, measure, false, true);
    }

    /** The staff vote: the client's share in the latest poll closed in the window, whose day its sentence names. */
    static Rule staffPoll(String key, Category category, String good, String bad, int weight, int windowMonths) {
        return new Rule(new RuleSettings(key, category, new BigDecimal(good), new BigDecimal(bad), weight, windowMonths,
                true), Quantity.FRACTION, Window::latestPollShare, true, true);
    }

    /** Stable key used in the database and the API, e.g. {@code late_payments}. */
    public String key() {
        return defaults.key();
    }

    /** The category the rule belongs to. */
    public Category category() {
        return defaults.category();
    }

    public Quantity quantity() {
        return quantity;
    }

    /** How the rule is tuned in model version 1, the product specification's table. */
    public RuleSettings defaults() {
        return defaults;
    }

    /** The measured value, or null when the window has no data for it. */
    public BigDecimal value(ClientHistory history, YearMonth month, int windowMonths) {
        return measure.apply(Window.of(history, month, windowMonths));
    }

    /** The closing day of the staff poll measured; null for every other rule and without a poll. */
    public LocalDate pollClosedOn(ClientHistory history, YearMonth month, int windowMonths) {
        return staffPoll ? Window.of(history, month, windowMonths).latestPollClosedOn() : null;
    }

    /** Whether it reads monthly figures (rather than dated facts): then a month's figures reach later months through it. */
    boolean readsFigures() {
        return !datedFacts;
    }

    boolean measuresStaffPoll() {
        return staffPoll;
    }

    /**
     * The rule's sentence for a result: the measured value with the thresholds and the sub-score,
     * or what is missing. Written from numbers alone, so a stored breakdown gives the same words.
     *
     * @param historyMonths months from the client's first figures to the scored month: a window of
     *                      figures longer than that says how many months it really covers
     */
    Explanation explain(RuleSettings settings, BigDecimal value, BigDecimal subScore, LocalDate pollClosedOn,
                        int historyMonths) {
        String code = "rule." + key();
        if (value == null || subScore == null) {
            return Explanation.of(code + ".no_data", Explanation.whole(settings.windowMonths()));
        }
        return Explanation.of(code, Explanation.measured(quantity, value), Explanation.whole(settings.windowMonths()),
                Explanation.threshold(quantity, settings.good()), Explanation.threshold(quantity, settings.bad()),
                Explanation.number(subScore),
                Explanation.whole(value.setScale(0, java.math.RoundingMode.HALF_UP)),
                Explanation.text(pollClosedOn == null ? "" : pollClosedOn),
                datedFacts ? "S" : Explanation.covered(historyMonths, settings.windowMonths()));
    }

    @Override
    public String toString() {
        return "Rule[" + key() + "]";
    }
}
