/**
 * Scoring: the versioned scoring model, every client's stored monthly scorecards and the
 * portfolio's Pareto numbers, kept current whenever their inputs change.
 *
 * <p>Pages read through {@link com.mspscorecard.scoring.ScorecardQueries} (one query per page);
 * the model editor works through {@link com.mspscorecard.scoring.ScoringModels}; the voting module
 * supplies poll results by implementing {@link com.mspscorecard.scoring.StaffVoteShares} and calls
 * {@link com.mspscorecard.scoring.ScoringService#rescoreAll()} when a poll closes. A stored
 * scorecard keeps sentence codes and arguments; {@link com.mspscorecard.scoring.ScorecardSentences}
 * writes them in the reader's language. The rules themselves are pure Java in {@code scoring.engine};
 * keeping scores current (listeners, inputs, portfolios, the store) lives in {@code scoring.internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scoring")
package com.mspscorecard.scoring;
