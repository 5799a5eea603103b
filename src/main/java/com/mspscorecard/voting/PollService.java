package com.mspscorecard.voting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Creating and closing polls, and casting ballots. Casting marks the voter and stores the
 * ballot in one transaction, and never records, logs or audits what anybody voted.
 */
@Service
class PollService {

    private final Polls polls;

    private final ClientQueries clients;

    private final UserDirectory users;

    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    private final VotingSettings settings;

    private final Clock clock;

    PollService(Polls polls, ClientQueries clients, UserDirectory users, AuditTrail audit,
            ApplicationEventPublisher events, VotingSettings settings, Clock clock) {
        this.polls = polls;
        this.clients = clients;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    int minimumBallots() {
        return settings.minimumBallots();
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
        audit.record(AuditEvent.of("CREATED", "POLL", id, "Poll \"" + title + "\" created, open " + form.opensOn()
                + " to " + form.closesOn() + ", " + form.picks() + " picks per ballot"));
        return id;
    }

    /** Closes an open or upcoming poll today; scoring hears of it through {@link PollClosed}. */
    @Transactional
    void closeEarly(long pollId) {
        Poll poll = polls.byIdForClosing(pollId).orElseThrow(() -> new NoSuchPoll(pollId));
        LocalDate today = today();
        if (poll.closed(today)) {
            throw new VotingRuleViolation("poll.alreadyClosed");
        }
        polls.closeEarly(pollId, today);
        polls.shuffleBallots(pollId);
        audit.record(AuditEvent.of("CLOSED", "POLL", pollId, "Poll \"" + poll.title() + "\" closed early"));
        events.publishEvent(new PollClosed(pollId, today));
    }

    /** Checks a ballot without storing it, for the confirmation step; returns the picked clients in rank order. */
    @Transactional(readOnly = true)
    List<ClientFacts> review(long pollId, List<String> places) {
        Poll poll = polls.byId(pollId).orElseThrow(() -> new NoSuchPoll(pollId));
        return checked(poll, places).picked();
    }

    /**
     * Stores a ballot and marks its voter as having voted, together or not at all. The poll row is
     * share-locked so it cannot close half-way; the voter table's key lets exactly one of two
     * simultaneous ballots by the same person through.
     */
    @Transactional
    void cast(long pollId, String username, List<String> places) {
        Poll poll = polls.byIdForVoting(pollId).orElseThrow(() -> new NoSuchPoll(pollId));
        Ballot ballot = checked(poll, places).ballot();
        if (!polls.markVoter(pollId, userId(username))) {
            throw new VotingRuleViolation("ballot.alreadyCast");
        }
        polls.storeBallot(pollId, UUID.randomUUID(), ballot);
    }

    @Transactional(readOnly = true)
    boolean hasVoted(long pollId, String username) {
        return users.byUsername(username).map(u -> polls.hasVoted(pollId, u.id())).orElse(false);
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

    @Transactional(readOnly = true)
    int voterCount(long pollId) {
        return polls.voterCount(pollId);
    }

    /**
     * Who has voted (never what), by name; empty until the minimum number of people have voted,
     * so that the list cannot single anybody out.
     */
    @Transactional(readOnly = true)
    Voters voters(long pollId) {
        poll(pollId);
        List<Long> ids = polls.voterIds(pollId);
        if (ids.size() < minimumBallots()) {
            return new Voters(ids.size(), minimumBallots(), List.of());
        }
        List<UserSummary> people = ids.stream().map(users::byId).flatMap(Optional::stream)
                .sorted(Comparator.comparing((UserSummary u) -> u.displayName().toLowerCase())
                        .thenComparing(UserSummary::username))
                .toList();
        return new Voters(ids.size(), minimumBallots(), people);
    }

    record Voters(int count, int minimum, List<UserSummary> people) {

        public boolean listed() {
            return count >= minimum;
        }
    }

    /** Results, or why there are none yet. */
    @Transactional(readOnly = true)
    Results results(long pollId) {
        Poll poll = poll(pollId);
        int ballots = polls.ballotCount(pollId);
        boolean closed = poll.closed(today());
        Tally tally = closed && ballots >= minimumBallots() ? Tally.of(poll.picks(), ballots, polls.rankCounts(pollId))
                : null;
        Map<Long, String> names = tally == null ? Map.of()
                : clients.all().stream().collect(Collectors.toMap(ClientFacts::id, ClientFacts::name));
        return new Results(poll, closed, ballots, minimumBallots(), tally, names);
    }

    record Results(Poll poll, boolean closed, int ballots, int minimum, Tally tally, Map<Long, String> names) {

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
            case CLOSED -> throw new VotingRuleViolation("ballot.pollClosed");
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

    private long userId(String username) {
        return users.byUsername(username).map(UserSummary::id)
                .orElseThrow(() -> new VotingRuleViolation("ballot.unknownVoter"));
    }
}
