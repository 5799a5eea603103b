package com.mspscorecard.voting;

import java.time.LocalDate;

/** A poll as stored. It is open from {@code opensOn} through {@code closesOn}, both included, unless closed early. */
record Poll(long id, String title, LocalDate opensOn, LocalDate closesOn, int picks, LocalDate closedEarlyOn,
        boolean announced) {

    public PollStatus status(LocalDate today) {
        if (closedEarlyOn != null || today.isAfter(closesOn)) {
            return PollStatus.CLOSED;
        }
        return today.isBefore(opensOn) ? PollStatus.UPCOMING : PollStatus.OPEN;
    }

    public boolean closed(LocalDate today) {
        return status(today) == PollStatus.CLOSED;
    }

    public boolean open(LocalDate today) {
        return status(today) == PollStatus.OPEN;
    }

    /** The day voting ended: the early-close day, or else the closing date (the last day one could vote). */
    public LocalDate closedOn() {
        return closedEarlyOn != null ? closedEarlyOn : closesOn;
    }
}
