package com.mspscorecard.scoring.engine;

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

    /** The measurement, or empty when the window has no data for it. */
    Optional<Measurement> measure(ClientHistory history, YearMonth month, int windowMonths);

    /** The sentence shown when {@link #measure} has nothing. */
    default String noDataWords(int windowMonths) {
        return "No data for " + subject() + " " + Window.inTheLast(windowMonths);
    }
}
