package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * One scoring rule: measures a figure of a client over a window of months ending at the scored
 * month. Turning the measurement into a sub-score is the same for every rule; see
 * {@link RuleSettings#subScore}.
 */
public interface Rule {

    /** Stable key used in the database and the API, e.g. {@code late_payments}. */
    String key();

    /** The category the rule belongs to in the default model. */
    Category category();

    Quantity quantity();

    /** What is measured, in words that fit "No data for … in the last 6 months". */
    String subject();

    /**
     * The measured value alone, or null when the window has no data for it: what bulk rescoring
     * needs, without writing any sentence.
     */
    BigDecimal value(ClientHistory history, YearMonth month, int windowMonths);

    /**
     * The value in plain words ("2 late payments in the last 6 months"): a pure function of the
     * value, the window and, for the staff vote, the poll's closing day, so a stored scorecard's
     * sentences can be written again from its numbers.
     */
    String words(BigDecimal value, int windowMonths, LocalDate pollClosedOn);

    /** The closing day of the staff poll measured; null for every other rule. */
    default LocalDate pollClosedOn(ClientHistory history, YearMonth month, int windowMonths) {
        return null;
    }

    /** The measurement, or empty when the window has no data for it. */
    default Optional<Measurement> measure(ClientHistory history, YearMonth month, int windowMonths) {
        BigDecimal value = value(history, month, windowMonths);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(new Measurement(value,
                words(value, windowMonths, pollClosedOn(history, month, windowMonths))));
    }

    /** The sentence shown when {@link #measure} has nothing. */
    default String noDataWords(int windowMonths) {
        return "No data for " + subject() + " " + Window.inTheLast(windowMonths);
    }
}
