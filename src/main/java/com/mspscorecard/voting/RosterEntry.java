package com.mspscorecard.voting;

import java.time.Instant;

import com.mspscorecard.users.Role;

/** One account allowed to vote in a poll, as it was when the poll opened. */
record RosterEntry(long userId, String displayName, Role role, Instant accountCreatedAt) {
}
