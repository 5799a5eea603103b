/**
 * The yearly staff vote on the "worst clients". Every user casts at most one anonymous, ranked
 * ballot per poll; results are Borda counts, shown only once a poll is closed and holds enough
 * ballots. Other modules read closed results through {@link com.mspscorecard.voting.StaffVotes}
 * and hear about closures through {@link com.mspscorecard.voting.PollClosed}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff vote")
package com.mspscorecard.voting;
