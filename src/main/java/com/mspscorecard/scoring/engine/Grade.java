package com.mspscorecard.scoring.engine;

/** A letter grade for a score; see {@link GradeBands}. */
public enum Grade {
    A, B, C, D, F;

    /** C, D and F: the grades at which a drain is worth letting go. */
    public boolean isCOrWorse() {
        return this == C || this == D || this == F;
    }
}
