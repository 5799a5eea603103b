package com.mspscorecard.voting;

/** WITHDRAWN: closed by the owner before everyone on the roster had voted; its ballots were discarded unread. */
enum PollStatus {
    UPCOMING, OPEN, CLOSED, WITHDRAWN
}
