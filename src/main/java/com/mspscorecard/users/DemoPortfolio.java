package com.mspscorecard.users;

/**
 * Loads a demo portfolio into an empty database. Implemented by the module that can generate
 * one; when a bean exists, first-run setup offers it.
 */
public interface DemoPortfolio {

    /** Loads the demo data; does nothing when clients already exist. */
    void loadIfEmpty();
}
