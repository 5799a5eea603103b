package com.mspscorecard.voting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A poll as stored. It is open from {@code opensOn} through {@code closesOn}, both included, unless
 * closed early. {@code rosterTakenAt} is when the list of who may vote was frozen (null until the
 * poll is first seen open); a {@code withdrawn} poll was closed before everyone had voted and has no
 * results.
 */
record Poll(long id, String title, LocalDate opensOn, LocalDate closesOn, int picks, LocalDate closedEarlyOn,
        boolean announced, Instant rosterTakenAt, boolean withdrawn) {

    public PollStatus status(LocalDate today) {
        if (withdrawn) {
            return PollStatus.WITHDRAWN;
        }
        if (closedEarlyOn != null || today.isAfter(closesOn)) {
            return PollStatus.CLOSED;
        }
        return today.isBefore(opensOn) ? PollStatus.UPCOMING : PollStatus.OPEN;
    }

    /** No more ballots: closed, early or by date, or withdrawn. */
    public boolean closed(LocalDate today) {
        PollStatus status = status(today);
        return status == PollStatus.CLOSED || status == PollStatus.WITHDRAWN;
    }

    public boolean open(LocalDate today) {
        return status(today) == PollStatus.OPEN;
    }

    public boolean rosterTaken() {
        return rosterTakenAt != null;
    }

    /** The day voting ended: the early-close day, or else the closing date (the last day one could vote). */
    public LocalDate closedOn() {
        return closedEarlyOn != null ? closedEarlyOn : closesOn;
    }
}
