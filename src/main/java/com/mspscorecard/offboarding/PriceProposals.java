package com.mspscorecard.offboarding;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import com.mspscorecard.clients.ClientContracts;
import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientNotFound;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.clients.ClientStatus;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Price-raise proposals: the owner opens one from a RAISE_PRICE scorecard, records the client's
 * answer, or withdraws it. An accepted proposal changes the client's agreed monthly fee on its
 * effective date (at once when that date has come, else by the daily check). Everything audited.
 */
@Service
public class PriceProposals {

    static final String ENTITY = "PRICE_PROPOSAL";
    static final BigDecimal MAX_PRICE = new BigDecimal("999999999999.99");

    private final ProposalRows rows;
    private final ClientQueries clients;
    private final ClientContracts contracts;
    private final AuditTrail audit;
    private final Clock clock;

    PriceProposals(ProposalRows rows, ClientQueries clients, ClientContracts contracts, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.clients = clients;
        this.contracts = contracts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The dashboard's "price increases on offer".
     *
     * @param open            open proposals
     * @param monthlyUplift   what the open proposals add per month together
     * @param clientsWithOffer clients with an open proposal or an accepted one not yet in force
     */
    public record OnOffer(int open, BigDecimal monthlyUplift, Set<Long> clientsWithOffer) {
    }

    @Transactional(readOnly = true)
    public OnOffer onOffer() {
        List<PriceProposal> pending = rows.pending();
        List<PriceProposal> open = pending.stream().filter(PriceProposal::open).toList();
        BigDecimal uplift = open.stream().map(PriceProposal::increase).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OnOffer(open.size(), uplift, pending.stream().map(PriceProposal::clientId).collect(Collectors.toSet()));
    }

    /**
     * The effective date of the client's latest accepted price raise, when the given month's figures
     * predate it: the scorecard then says "price raise accepted, effective …" instead of asking again.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<LocalDate> acceptedRaiseAfter(long clientId, java.time.YearMonth month) {
        return rows.ofClient(clientId).stream().filter(p -> "ACCEPTED".equals(p.state())).findFirst()
                .map(PriceProposal::effectiveOn).filter(d -> java.time.YearMonth.from(d).isAfter(month));
    }

    @Transactional(readOnly = true)
    PriceProposal get(long id) {
        PriceProposal p = rows.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return p.named(clients.byId(p.clientId()).orElseThrow().name());
    }

    @Transactional(readOnly = true)
    List<PriceProposal> ofClient(long clientId) {
        String name = clients.byId(clientId).orElseThrow(() -> new ClientNotFound(clientId)).name();
        return rows.ofClient(clientId).stream().map(p -> p.named(name)).toList();
    }

    @Transactional(readOnly = true)
    List<PriceProposal> pending() {
        Map<Long, ClientFacts> byId = clients.all().stream().collect(Collectors.toMap(ClientFacts::id, Function.identity()));
        return rows.pending().stream().map(p -> p.named(byId.get(p.clientId()).name())).toList();
    }

    @Transactional
    long open(long clientId, BigDecimal current, BigDecimal proposed, LocalDate effectiveOn, String language,
            String letter, OffboardingService.Actor actor) {
        requireOwner(actor);
        ClientFacts client = clients.byId(clientId).orElseThrow(() -> new ClientNotFound(clientId));
        if (client.status() != ClientStatus.ACTIVE) {
            throw CaseProblem.of(null, "proposal.refused.notActive");
        }
        if (proposed == null || proposed.signum() <= 0 || proposed.scale() > 2 || proposed.compareTo(MAX_PRICE) > 0) {
            throw CaseProblem.of("proposedPrice", "proposal.price.invalid");
        }
        if (effectiveOn == null || effectiveOn.isBefore(LocalDate.now(clock))) {
            throw CaseProblem.of("effectiveOn", "proposal.effectiveOn.past");
        }
        if (letter != null && (letter.length() > OffboardingService.MAX_TEXT || letter.indexOf('\0') >= 0)) {
            throw CaseProblem.of("letter", "offboarding.text.tooLong", OffboardingService.MAX_TEXT);
        }
        if (rows.openOf(clientId).isPresent()) {
            throw CaseProblem.of(null, "proposal.refused.alreadyOpen");
        }
        long id;
        try {
            id = rows.insert(clientId, current, proposed, effectiveOn, "it".equals(language) ? "it" : "en",
                    letter == null || letter.isBlank() ? null : letter.strip(), actor.username());
        }
        catch (DuplicateKeyException e) {
            throw CaseProblem.of(null, "proposal.refused.alreadyOpen");
        }
        audit.record(AuditEvent.of("PROPOSAL_OPENED", ENTITY, id, "proposal.opened", client.name(), current, proposed,
                effectiveOn).forClient(clientId, client.name()));
        return id;
    }

    /** The client's answer: ACCEPTED (the new fee takes effect on the effective date) or DECLINED. */
    @Transactional
    void answer(long id, int version, boolean accepted, OffboardingService.Actor actor) {
        requireOwner(actor);
        PriceProposal p = get(id);
        if (!p.open() || !rows.close(id, version, accepted ? "ACCEPTED" : "DECLINED", null, actor.username())) {
            throw CaseProblem.conflict(p.open() ? "offboarding.stale.case" : "offboarding.stale.closed");
        }
        audit.record((accepted
                ? AuditEvent.of("PROPOSAL_ACCEPTED", ENTITY, id, "proposal.accepted", p.clientName(), p.effectiveOn())
                : AuditEvent.of("PROPOSAL_DECLINED", ENTITY, id, "proposal.declined", p.clientName()))
                .forClient(p.clientId(), p.clientName()));
        if (accepted) {
            applyDue();
        }
    }

    @Transactional
    void withdraw(long id, int version, String reason, OffboardingService.Actor actor) {
        requireOwner(actor);
        PriceProposal p = get(id);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw CaseProblem.of("reason", "offboarding.text.required");
        }
        if (why.length() > 2000 || why.indexOf('\0') >= 0) {
            throw CaseProblem.of("reason", "offboarding.text.tooLong", 2000);
        }
        if (!p.open() || !rows.close(id, version, "WITHDRAWN", why, actor.username())) {
            throw CaseProblem.conflict(p.open() ? "offboarding.stale.case" : "offboarding.stale.closed");
        }
        audit.record(AuditEvent.of("PROPOSAL_WITHDRAWN", ENTITY, id, "proposal.withdrawn", p.clientName(), why)
                .forClient(p.clientId(), p.clientName()));
    }

    /** Puts accepted prices whose day has come into the clients' contracts; run daily and at start-up. */
    @Transactional
    public int applyDue() {
        List<PriceProposal> due = rows.due(LocalDate.now(clock));
        for (PriceProposal p : due) {
            contracts.changeMonthlyFee(p.clientId(), p.proposedPrice(), new AuditEvent.Word("audit.because.priceRaiseAccepted"));
            rows.markApplied(p.id());
        }
        return due.size();
    }

    @Scheduled(cron = "0 15 0 * * *", zone = "${scorecard.time-zone:}")
    @EventListener(ApplicationReadyEvent.class)
    // Once across instances (database.ScheduledWorkLocks), held a minute against clock skew.
    @SchedulerLock(name = "applyAcceptedPrices", lockAtLeastFor = "PT1M")
    @Transactional
    void applyDueDaily() {
        applyDue();
    }

    private static void requireOwner(OffboardingService.Actor actor) {
        if (!actor.owner()) {
            throw new AccessDeniedException("owner only");
        }
    }
}
