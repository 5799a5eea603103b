package com.mspscorecard.scoring;

/**
 * Every stored current scorecard was just computed again (a full rescore, or a model activated), or
 * every client's scorecards in the months a big import reached,
 * published inside the rescoring transaction: whatever caches scores should forget them once it
 * commits.
 *
 * @param modelVersion the model version the scores now use
 */
public record ScoresRecomputed(int modelVersion) {
}
