package com.mspscorecard.scoring.engine;

/** What to do with a client this month, in the order the engine considers them. */
public enum Recommendation {
    /** A dealbreaker holds: say goodbye, professionally. */
    OFFBOARD,
    /** Too little of the scoring weight has data to judge. */
    INSUFFICIENT_DATA,
    /** Grade F, grade D and worsening, or a drain graded C or worse. */
    CONSIDER_OFFBOARDING,
    /** Behaves well but costs too much to serve: charge more before cutting. */
    RAISE_PRICE,
    /** Grade C or D, or worsening. */
    WATCH,
    KEEP
}
