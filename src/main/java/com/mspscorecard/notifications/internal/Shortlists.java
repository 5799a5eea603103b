package com.mspscorecard.notifications.internal;

import java.util.List;

/**
 * A notice names at most {@link #SHOWN} clients per list, then says how many more there are and where
 * to see them: an owner's digest after a month nobody entered named every client of the portfolio,
 * 10,000 lines in a mail and 68 ms for the notifications page at 10,000 clients (bench/README.md,
 * "Pages", growth). The notice keeps every line; only what is written of it is short.
 */
public interface Shortlists {

    int SHOWN = 30;

    /** The first {@link #SHOWN} of a list. */
    default <T> List<T> shown(List<T> all) {
        return all.size() <= SHOWN ? all : all.subList(0, SHOWN);
    }

    /** How many of a list {@link #shown} leaves out. */
    default int more(List<?> all) {
        return Math.max(0, all.size() - SHOWN);
    }
}
