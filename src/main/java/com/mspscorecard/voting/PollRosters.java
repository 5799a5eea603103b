package com.mspscorecard.voting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mspscorecard.users.Role;
import com.mspscorecard.users.UserDirectory;
import com.mspscorecard.users.UserSummary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Freezes who may vote in a poll when it opens: every account enabled at that moment, with its
 * creation date. Accounts created or enabled later are not added, so an owner cannot make accounts
 * to vote with once real people have started voting. A poll opening on a later day gets its roster
 * the first time it is seen open (its page, a ballot) or by the daily check, whichever comes first.
 * A roster taken inside a refused ballot's transaction is undone with it and taken at the next look.
 */
@Component
class PollRosters {

    private final Polls polls;

    private final UserDirectory users;

    /** Accounts created this close before the poll opened are marked on its roster. */
    static final int RECENT_DAYS = 30;

    private final Clock clock;

    PollRosters(Polls polls, UserDirectory users, Clock clock) {
        this.polls = polls;
        this.users = users;
        this.clock = clock;
    }

    /** Takes the roster of an open poll that has none yet; returns the poll as it now stands. */
    @Transactional
    Poll takeIfDue(long pollId) {
        Poll poll = polls.byId(pollId).orElseThrow(() -> new NoSuchPoll(pollId));
        if (poll.rosterTaken() || !poll.open(LocalDate.now(clock))) {
            return poll;
        }
        // Locked and read again: two first visitors must not both take it.
        poll = polls.byIdForClosing(pollId).orElseThrow(() -> new NoSuchPoll(pollId));
        if (poll.rosterTaken()) {
            return poll;
        }
        Instant now = clock.instant();
        List<RosterEntry> entries = new ArrayList<>();
        users.all().stream().filter(UserSummary::enabled).forEach(u -> entries.add(entry(u, now)));
        // Polls opened before rosters existed: whoever already voted stays eligible, so their
        // ballot counts towards "everyone has voted".
        polls.votersOffRoster(pollId).stream().map(users::byId).flatMap(Optional::stream)
                .filter(u -> !u.enabled()).forEach(u -> entries.add(entry(u, now)));
        polls.storeRoster(pollId, entries, now);
        return polls.byId(pollId).orElseThrow(() -> new NoSuchPoll(pollId));
    }

    /**
     * Who may vote, for every voter to check: names, roles and when each account was created, those
     * made in the {@link #RECENT_DAYS} days before the roster was taken marked. Never who has voted.
     */
    Roster view(Poll poll) {
        if (!poll.rosterTaken()) {
            return new Roster(null, List.of());
        }
        ZoneId zone = clock.getZone();
        Instant recentFrom = poll.rosterTakenAt().minus(Duration.ofDays(RECENT_DAYS));
        return new Roster(LocalDate.ofInstant(poll.rosterTakenAt(), zone), polls.roster(poll.id()).stream()
                .map(e -> new Roster.Person(e.displayName(), e.role(), LocalDate.ofInstant(e.accountCreatedAt(), zone),
                        e.accountCreatedAt().isAfter(recentFrom)))
                .toList());
    }

    /** A roster as voters read it; {@code takenOn} is null until the poll opens. */
    record Roster(LocalDate takenOn, List<Person> people) {

        record Person(String displayName, Role role, LocalDate accountCreatedOn, boolean recent) {
        }

        public boolean taken() {
            return takenOn != null;
        }
    }

    private RosterEntry entry(UserSummary user, Instant now) {
        return new RosterEntry(user.id(), user.displayName(), user.role(),
                users.accountCreatedAt(user.id()).orElse(now));
    }
}
