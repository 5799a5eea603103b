package com.mspscorecard.scoring.internal;

import com.mspscorecard.scoring.StaffVoteShares;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.incidents.IncidentFacts;
import com.mspscorecard.incidents.IncidentQueries;
import com.mspscorecard.metrics.SnapshotQueries;
import com.mspscorecard.scoring.engine.ClientHistory;
import com.mspscorecard.scoring.engine.IncidentCategory;
import com.mspscorecard.scoring.engine.IncidentFact;
import com.mspscorecard.scoring.engine.MonthlyFigures;
import com.mspscorecard.scoring.engine.PaymentTerms;
import com.mspscorecard.scoring.engine.Portfolio;
import com.mspscorecard.scoring.engine.PortfolioFigures;
import com.mspscorecard.scoring.engine.ScoringEngine;
import org.springframework.stereotype.Component;

/**
 * Loads what the engine scores, in a fixed number of bulk queries whatever the number of clients:
 * clients, snapshots, incidents and poll results become {@link ClientHistory} values.
 */
@Component
public class ScoringInputs {

    /** Above this many clients one query for all clients beats one query per client. */
    private static final int SINGLE_LOOKUPS = 20;

    private final ClientQueries clients;
    private final SnapshotQueries snapshots;
    private final IncidentQueries incidents;
    private final List<StaffVoteShares> staffVotes;
    private final com.mspscorecard.clients.ClientStatuses statuses;

    ScoringInputs(ClientQueries clients, SnapshotQueries snapshots, IncidentQueries incidents,
                  List<StaffVoteShares> staffVotes, com.mspscorecard.clients.ClientStatuses statuses) {
        this.statuses = statuses;
        this.clients = clients;
        this.snapshots = snapshots;
        this.incidents = incidents;
        this.staffVotes = staffVotes;
    }

    /** Every client with its facts, whatever its status. */
    public Inputs all() {
        Map<Long, ClientFacts> facts = new LinkedHashMap<>();
        for (ClientFacts client : clients.all()) {
            facts.put(client.id(), client);
        }
        Map<Long, List<MonthlyFigures>> figures = new HashMap<>();
        snapshots.forEach(s -> figures.computeIfAbsent(s.clientId(), id -> new ArrayList<>())
                .add(new MonthlyFigures(s.month(), s.values())));
        return assemble(facts, figures, incidents.all());
    }

    /** The given clients only; unknown ids are skipped. */
    public Inputs of(Collection<Long> clientIds) {
        Map<Long, ClientFacts> facts = new LinkedHashMap<>();
        if (clientIds.size() <= SINGLE_LOOKUPS) {
            for (Long id : clientIds) {
                clients.byId(id).ifPresent(client -> facts.put(client.id(), client));
            }
        } else {
            Set<Long> wanted = Set.copyOf(clientIds);
            for (ClientFacts client : clients.all()) {
                if (wanted.contains(client.id())) {
                    facts.put(client.id(), client);
                }
            }
        }
        Map<Long, List<MonthlyFigures>> figures = new HashMap<>();
        snapshots.forEach(facts.keySet(), s -> figures.computeIfAbsent(s.clientId(), id -> new ArrayList<>())
                .add(new MonthlyFigures(s.month(), s.values())));
        return assemble(facts, figures, incidents.ofClients(facts.keySet()));
    }

    private Inputs assemble(Map<Long, ClientFacts> facts, Map<Long, List<MonthlyFigures>> figures,
                            List<IncidentFacts> incidentFacts) {
        Map<Long, List<IncidentFact>> incidentsByClient = new HashMap<>();
        for (IncidentFacts incident : incidentFacts) {
            incidentsByClient.computeIfAbsent(incident.clientId(), id -> new ArrayList<>())
                    .add(new IncidentFact(incident.occurredOn(), IncidentCategory.valueOf(incident.category().name())));
        }
        List<StaffVoteShares.ClosedPollShares> polls = staffVotes().closedPolls();
        Map<Long, ClientHistory> histories = new LinkedHashMap<>();
        for (ClientFacts client : facts.values()) {
            Map<LocalDate, BigDecimal> shares = new TreeMap<>();
            for (StaffVoteShares.ClosedPollShares poll : polls) {
                // A client nobody picked has a share of zero: the poll is data, not a gap.
                shares.put(poll.closedOn(), poll.shareByClient().getOrDefault(client.id(), BigDecimal.ZERO));
            }
            histories.put(client.id(), ClientHistory.of(client.id(), PaymentTerms.valueOf(client.paymentTerms().name()),
                    client.endpoints(), figures.getOrDefault(client.id(), List.of()),
                    incidentsByClient.getOrDefault(client.id(), List.of()), shares));
        }
        return new Inputs(facts, histories, statuses.membership());
    }

    /** The voting module's results; a test may supply its own implementation, which then wins. */
    private StaffVoteShares staffVotes() {
        for (StaffVoteShares shares : staffVotes) {
            if (!(shares instanceof StaffVotesFromPolls)) {
                return shares;
            }
        }
        return staffVotes.get(0);
    }

    /**
     * The portfolio of each month from full histories: the active clients with a snapshot in
     * the month's three-month window. {@link MonthlyPortfolios} gives the same positions
     * for the months one edit shifts.
     */
    public static Map<YearMonth, Portfolio> portfolios(Inputs inputs) {
        // Both steps in parallel: a few hundred thousand window sums, then one ranking a month.
        Map<YearMonth, Map<Long, PortfolioFigures>> byMonth = new ConcurrentHashMap<>();
        inputs.histories().values().parallelStream()
                .filter(history -> !history.months().isEmpty())
                .forEach(history -> {
                    Set<YearMonth> months = new TreeSet<>();
                    for (YearMonth month : history.months().keySet()) {
                        for (int i = 0; i < ScoringEngine.THREE_MONTHS; i++) {
                            months.add(month.plusMonths(i));
                        }
                    }
                    // ISSUE-16 status over time: a client is in the portfolio of the months it counted in.
                    months.removeIf(month -> !inputs.membership().counts(history.clientId(), month));
                    for (YearMonth month : months) {
                        byMonth.computeIfAbsent(month, m -> new ConcurrentHashMap<>())
                                .put(history.clientId(), PortfolioFigures.of(history, month));
                    }
                });
        Map<YearMonth, Portfolio> portfolios = new ConcurrentHashMap<>();
        byMonth.entrySet().parallelStream().forEach(entry ->
                portfolios.put(entry.getKey(), Portfolio.of(entry.getKey(), new HashMap<>(entry.getValue()))));
        return new HashMap<>(portfolios);
    }

    public record Inputs(Map<Long, ClientFacts> facts, Map<Long, ClientHistory> histories,
                         com.mspscorecard.clients.PortfolioMembership membership) {
    }
}
