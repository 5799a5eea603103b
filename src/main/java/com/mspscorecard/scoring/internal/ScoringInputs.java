package com.mspscorecard.scoring.internal;

import com.mspscorecard.scoring.StaffVoteShares;
import java.math.BigDecimal;
import java.time.Clock;
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
import org.springframework.stereotype.Component;

/**
 * Loads what the engine scores, in a fixed number of bulk queries whatever the number of clients:
 * clients, snapshots, incidents and poll results become {@link ClientHistory} values, as of today
 * (the {@link Clock} bean's date, in the installation's time zone).
 */
@Component
public class ScoringInputs {

    /** Above this many clients one query for all clients beats one query per client. */
    private static final int SINGLE_LOOKUPS = 20;

    private final ClientQueries clients;
    private final SnapshotQueries snapshots;
    private final IncidentQueries incidents;
    private final List<StaffVoteShares> staffVotes;
    private final Clock clock;

    ScoringInputs(ClientQueries clients, SnapshotQueries snapshots, IncidentQueries incidents,
                  List<StaffVoteShares> staffVotes, Clock clock) {
        this.clock = clock;
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
        snapshots.forEachUnscaled(collect(figures));
        return assemble(facts, figures, incidents.all());
    }

    /**
     * Every client, whatever its status, with the figures of the months from {@code from} on only
     * (each history knowing the client's first month, {@link ClientHistory#beganIn}): what rescoring
     * the months an import reached needs. One new month of 2,000 clients × 60 reads 2,000 × 16
     * snapshots instead of 122,000 (measured: the whole portfolio's histories were four fifths of
     * that import's rescore).
     */
    public Inputs since(YearMonth from) {
        Map<Long, ClientFacts> facts = new LinkedHashMap<>();
        for (ClientFacts client : clients.all()) {
            facts.put(client.id(), client);
        }
        Map<Long, List<MonthlyFigures>> figures = new HashMap<>();
        snapshots.forEachUnscaledBetween(from, YearMonth.of(9999, 12), collect(figures));
        Inputs inputs = assemble(facts, figures, incidents.all());
        Map<Long, YearMonth> firstMonths = snapshots.firstMonths();
        inputs.histories().replaceAll((id, history) -> {
            YearMonth first = firstMonths.get(id);
            // A snapshot removed meanwhile by a writer that does not take the scoring lock: keep what was read.
            boolean known = first != null && (history.months().isEmpty() || !first.isAfter(history.months().firstKey()));
            return known ? history.beganIn(first) : history;
        });
        return inputs;
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
        snapshots.forEachUnscaled(facts.keySet(), collect(figures));
        return assemble(facts, figures, incidents.ofClients(facts.keySet()));
    }

    /** Snapshots read in bulk into each client's figures (the values' arrays are kept as they come). */
    private static SnapshotQueries.UnscaledFigures collect(Map<Long, List<MonthlyFigures>> figures) {
        return (clientId, month, unscaled) -> figures.computeIfAbsent(clientId, id -> new ArrayList<>())
                .add(MonthlyFigures.ofUnscaled(month, unscaled));
    }

    private Inputs assemble(Map<Long, ClientFacts> facts, Map<Long, List<MonthlyFigures>> figures,
                            List<IncidentFacts> incidentFacts) {
        Map<Long, List<IncidentFact>> incidentsByClient = new HashMap<>();
        for (IncidentFacts incident : incidentFacts) {
            incidentsByClient.computeIfAbsent(incident.clientId(), id -> new ArrayList<>())
                    .add(new IncidentFact(incident.occurredOn(), IncidentCategory.valueOf(incident.category().name())));
        }
        List<StaffVoteShares.ClosedPollShares> polls = staffVotes().closedPolls();
        // "Today" in the installation's time zone: the latest month's red flags and staff vote end here.
        LocalDate today = LocalDate.now(clock);
        Map<Long, ClientHistory> histories = new LinkedHashMap<>();
        for (ClientFacts client : facts.values()) {
            Map<LocalDate, BigDecimal> shares = new TreeMap<>();
            for (StaffVoteShares.ClosedPollShares poll : polls) {
                // A client nobody picked has a share of zero: the poll is data, not a gap.
                shares.put(poll.closedOn(), poll.shareByClient().getOrDefault(client.id(), BigDecimal.ZERO));
            }
            histories.put(client.id(), ClientHistory.of(client.id(), PaymentTerms.valueOf(client.paymentTerms().name()),
                    client.endpoints(), figures.getOrDefault(client.id(), List.of()),
                    incidentsByClient.getOrDefault(client.id(), List.of()), shares).asOfToday(today));
        }
        return new Inputs(facts, histories);
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

    public record Inputs(Map<Long, ClientFacts> facts, Map<Long, ClientHistory> histories) {
    }
}
