package com.mspscorecard.voting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.users.UserDirectory;
import com.mspscorecard.users.UserSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, closing and withdrawing polls, and casting ballots. Casting marks the voter and stores
 * the ballot in one transaction, and never records, logs or audits what anybody voted. Nobody, the
 * owner included, learns while a poll is open how many or who have voted: that would tell them
 * when somebody voted, and so when closing would isolate that person's ballot.
 */
@Service
class PollService {

    private final Polls polls;

    private final ClientQueries clients;

    private final UserDirectory users;

    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    private final PollRosters rosters;

    private final PollResults results;

    private final Clock clock;

    PollService(Polls polls, ClientQueries clients, UserDirectory users, AuditTrail audit,
            ApplicationEventPublisher events, PollRosters rosters, PollResults results, Clock clock) {
        this.polls = polls;
        this.clients = clients;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.rosters = rosters;
        this.results = results;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    long create(PollForm form) {
        if (form.closesOn().isBefore(form.opensOn())) {
            throw new VotingRuleViolation("closesOn", "poll.closesBeforeOpens");
        }
        if (form.closesOn().isBefore(today())) {
            throw new VotingRuleViolation("closesOn", "poll.closesInPast");
        }
        String title = form.title().trim();
        long id = polls.insert(title, form.opensOn(), form.closesOn(), form.picks());
        audit.record(AuditEvent.of("CREATED", "POLL", id, "poll.created", title, form.opensOn(), form.closesOn(),
                form.picks()));
        rosters.takeIfDue(id);
        return id;
    }

    /**
     * Closes an open poll today, which is allowed only once everyone on its roster has voted: the
     * results are then those the closing date would give, so the moment of closing tells nothing.
     * Before that the owner can only wait for the closing date or {@link #withdraw withdraw} it.
     */
    @Transactional
    void closeEarly(long pollId) {
        Poll poll = polls.byIdForClosing(pollId).orElseThrow(() -> new NoSuchPoll(pollId));
        LocalDate today = today();
        if (poll.closed(today)) {
            throw new VotingRuleViolation("poll.alreadyClosed");
        }
        if (!polls.turnout(pollId).everyoneVoted()) {
            throw new VotingRuleViolation("poll.closeNeedsEveryone");
        }
        polls.closeEarly(pollId, today);
        polls.shuffleBallots(pollId);
        audit.record(AuditEvent.of("CLOSED", "POLL", pollId, "poll.closedEarly", poll.title()));
        events.publishEvent(new PollClosed(pollId, today));
    }

    /**
     * Ends an open or upcoming poll without results: its ballots are deleted unread. The owner's
     * way out of a poll created by mistake, which can never single out a ballot.
     */
    @Transactional
    void withdraw(long pollId) {
        Poll poll = polls.byIdForClosing(pollId).orElseThrow(() -> new NoSuchPoll(pollId));
        if (poll.closed(today())) {
            throw new VotingRuleViolation("poll.alreadyClosed");
        }
        polls.withdraw(pollId, today());
        audit.record(AuditEvent.of("WITHDRAWN", "POLL", pollId, "poll.withdrawn", poll.title()));
    }

    /** The poll, its roster taken first if it has just opened (see {@link PollRosters}). */
    @Transactional
    Poll opened(long pollId) {
        return rosters.takeIfDue(pollId);
    }

    /** Checks a ballot without storing it, for the confirmation step; returns the picked clients in rank order. */
    @Transactional
    List<ClientFacts> review(long pollId, String username, List<String> places) {
        Poll poll = rosters.takeIfDue(pollId);
        Checked checked = checked(poll, places);
        requireOnRoster(pollId, userId(username));
        return checked.picked();
    }

    /**
     * Stores a ballot and marks its voter as having voted, together or not at all. Only accounts on
     * the poll's roster may vote. The poll row is share-locked so it cannot close half-way; the voter
     * table's key lets exactly one of two simultaneous ballots by the same person through.
     */
    @Transactional
    void cast(long pollId, String username, List<String> places) {
        rosters.takeIfDue(pollId);
        Poll poll = polls.byIdForVoting(pollId).orElseThrow(() -> new NoSuchPoll(pollId));
        Ballot ballot = checked(poll, places).ballot();
        long userId = userId(username);
        requireOnRoster(pollId, userId);
        if (!polls.markVoter(pollId, userId)) {
            throw new VotingRuleViolation("ballot.alreadyCast");
        }
        polls.storeBallot(pollId, UUID.randomUUID(), ballot);
    }

    @Transactional(readOnly = true)
    boolean hasVoted(long pollId, String username) {
        return users.byUsername(username).map(u -> polls.hasVoted(pollId, u.id())).orElse(false);
    }

    @Transactional(readOnly = true)
    boolean onRoster(long pollId, String username) {
        return users.byUsername(username).map(u -> polls.onRoster(pollId, u.id())).orElse(false);
    }

    @Transactional(readOnly = true)
    Set<Long> pollsVotedBy(String username) {
        return users.byUsername(username).map(u -> Set.copyOf(polls.pollsVotedBy(u.id()))).orElse(Set.of());
    }

    @Transactional(readOnly = true)
    List<ClientFacts> activeClients() {
        return clients.active();
    }

    @Transactional(readOnly = true)
    List<Poll> all() {
        return polls.all();
    }

    @Transactional(readOnly = true)
    Poll poll(long pollId) {
        return polls.byId(pollId).orElseThrow(() -> new NoSuchPoll(pollId));
    }

    /** Who may vote, for every voter to check; see {@link PollRosters#view}. */
    @Transactional(readOnly = true)
    PollRosters.Roster roster(Poll poll) {
        return rosters.view(poll);
    }

    /** Results, or why there are none; the number of ballots only once the poll is over. */
    @Transactional(readOnly = true)
    Results results(long pollId) {
        Poll poll = poll(pollId);
        PollStatus status = poll.status(today());
        Tally tally = results.disclosed(poll, today()).orElse(null);
        Map<Long, String> names = tally == null ? Map.of()
                : clients.all().stream().collect(Collectors.toMap(ClientFacts::id, ClientFacts::name));
        Integer ballots = status == PollStatus.CLOSED ? polls.ballotCount(pollId) : null;
        return new Results(poll, status, ballots, results.minimum(), tally, names);
    }

    record Results(Poll poll, PollStatus status, Integer ballots, int minimum, Tally tally, Map<Long, String> names) {

        public boolean available() {
            return tally != null;
        }

        public String name(long clientId) {
            return names.getOrDefault(clientId, "#" + clientId);
        }
    }

    private Checked checked(Poll poll, List<String> places) {
        switch (poll.status(today())) {
            case UPCOMING -> throw new VotingRuleViolation("ballot.notOpenYet");
            case CLOSED, WITHDRAWN -> throw new VotingRuleViolation("ballot.pollClosed");
            case OPEN -> {
            }
        }
        Ballot ballot = Ballot.fromPlaces(places, poll.picks());
        Map<Long, ClientFacts> active = clients.active().stream()
                .collect(Collectors.toMap(ClientFacts::id, Function.identity()));
        if (!active.keySet().containsAll(ballot.clientIds())) {
            throw new VotingRuleViolation("picks", "ballot.inactiveClient");
        }
        return new Checked(ballot, ballot.clientIds().stream().map(active::get).toList());
    }

    private record Checked(Ballot ballot, List<ClientFacts> picked) {
    }

    private void requireOnRoster(long pollId, long userId) {
        if (!polls.onRoster(pollId, userId)) {
            throw new VotingRuleViolation("ballot.notOnRoster");
        }
    }

    private long userId(String username) {
        return users.byUsername(username).map(UserSummary::id)
                .orElseThrow(() -> new VotingRuleViolation("ballot.unknownVoter"));
    }
}
