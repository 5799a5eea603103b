package com.mspscorecard.importing.raw;

import java.util.Optional;

/**
 * What the dates of a file say about their order.
 *
 * @param order     the order the dates prove, if they prove one
 * @param ambiguous no date tells day from month (every day and month at most 12), or dates contradict each
 *                  other: the user is asked, never guessed for
 */
public record DateOrderGuess(Optional<DateOrder> order, boolean ambiguous) {
}
