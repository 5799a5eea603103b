/**
 * The scoring engine: turns a client's monthly figures, red-flag incidents and staff votes into a
 * monthly {@link com.mspscorecard.scoring.engine.Scorecard} under a
 * {@link com.mspscorecard.scoring.engine.ScoringModel}.
 *
 * <p>Pure Java over plain values (no Spring, no JPA, no JSON), so every rule is unit-tested in
 * milliseconds and a whole portfolio can be rescored in a few hundred milliseconds. Start with
 * {@link com.mspscorecard.scoring.engine.ScoringEngine#score}.
 */
package com.mspscorecard.scoring.engine;
