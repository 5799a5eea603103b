package com.mspscorecard.voting;

enum PollStatus {
    UPCOMING, OPEN, CLOSED
}
