package com.mspscorecard.contracts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.clients.ClientStatus;
import com.mspscorecard.clients.ContractTerms;
import com.mspscorecard.scoring.ScorecardQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contract deadlines for pages, the dashboard, the calendar feed and other modules (the exit date
 * an offboarding case proposes, the date a price raise can take effect).
 */
@Service
@Transactional(readOnly = true)
public class ContractDeadlines {

    /** How far ahead the page and the dashboard card look. */
    public static final int HORIZON_DAYS = 90;

    /** Verdicts that make a deadline urgent: leaving or charging more has to be decided before it. */
    public static final Set<String> FLAGGED = Set.of("OFFBOARD", "CONSIDER_OFFBOARDING", "RAISE_PRICE");

    private final ClientQueries clients;
    private final ScorecardQueries scorecards;
    private final Clock clock;

    ContractDeadlines(ClientQueries clients, ScorecardQueries scorecards, Clock clock) {
        this.clients = clients;
        this.scorecards = scorecards;
        this.clock = clock;
    }

    /**
     * One line of the deadlines list.
     *
     * @param recommendation the client's verdict in the latest scored month, or null
     * @param warning        a flagged client whose notice deadline has passed: the next exit is later
     */
    public record Row(ContractDeadline deadline, String recommendation, boolean flagged, boolean warning) {

        public long clientId() {
            return deadline.contract().clientId();
        }

        public String clientName() {
            return deadline.contract().clientName();
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Optional<ContractDeadline> of(long clientId) {
        return clients.contract(clientId).map(c -> ContractDeadline.of(c, today()));
    }

    /**
     * Deadlines of clients not yet offboarded whose notice deadline or renewal falls in the next
     * {@value #HORIZON_DAYS} days, plus flagged clients whose notice deadline has passed; flagged
     * clients first, then by date. {@code managerId}: only that account manager's clients (null: all).
     */
    public List<Row> upcoming(Long managerId) {
        LocalDate today = today();
        LocalDate horizon = today.plusDays(HORIZON_DAYS);
        Map<Long, String> verdicts = latestVerdicts();
        List<Row> rows = new ArrayList<>();
        for (ContractTerms contract : clients.contracts()) {
            if (contract.status() == ClientStatus.OFFBOARDED
                    || managerId != null && !managerId.equals(contract.accountManagerId())) {
                continue;
            }
            ContractDeadline deadline = ContractDeadline.of(contract, today);
            if (deadline.problem() != null) {
                continue;
            }
            String verdict = verdicts.get(contract.clientId());
            boolean flagged = verdict != null && FLAGGED.contains(verdict);
            boolean passed = deadline.noticePassed(today);
            boolean soon = !deadline.noticeBy().isAfter(horizon) && !passed || !deadline.renewal().isAfter(horizon);
            if (soon || flagged && passed) {
                rows.add(new Row(deadline, verdict, flagged, flagged && passed));
            }
        }
        rows.sort(Comparator.comparing((Row r) -> !r.flagged()).thenComparing(r -> r.deadline().noticeBy())
                .thenComparing(r -> r.clientName().toLowerCase(java.util.Locale.ROOT)));
        return rows;
    }

    /** Clients (not offboarded) whose deadlines cannot be given, for the page's "set … first" list. */
    public List<ContractDeadline> incomplete(Long managerId) {
        LocalDate today = today();
        return clients.contracts().stream()
                .filter(c -> c.status() != ClientStatus.OFFBOARDED)
                .filter(c -> managerId == null || managerId.equals(c.accountManagerId()))
                .map(c -> ContractDeadline.of(c, today))
                .filter(d -> d.problem() != null && d.problem() != ContractDeadline.Problem.ENDED).toList();
    }

    /** Every deadline of the next year, for the calendar feed. */
    List<ContractDeadline> forCalendar(Long managerId) {
        LocalDate today = today();
        return clients.contracts().stream()
                .filter(c -> c.status() != ClientStatus.OFFBOARDED)
                .filter(c -> managerId == null || managerId.equals(c.accountManagerId()))
                .map(c -> ContractDeadline.of(c, today)).filter(d -> d.problem() == null).toList();
    }

    private Map<Long, String> latestVerdicts() {
        return scorecards.latestMonth().map(scorecards::recommendations).orElseGet(Map::of);
    }
}
