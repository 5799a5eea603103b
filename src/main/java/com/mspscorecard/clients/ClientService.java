package com.mspscorecard.clients;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import com.mspscorecard.users.UserDirectory;
import com.mspscorecard.users.UserSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and edits clients: checks the rules, refuses stale edits, records every field change
 * in the audit trail and tells scoring when terms, endpoints or status changed — all in the
 * transaction of the change.
 */
@Service
class ClientService {

    static final String ENTITY = "CLIENT";

    /** Changes to these fields change a client's scores. */
    private static final Set<String> TERMS = Set.of("paymentTerms", "endpoints", "status");

    private final Clients clients;

    private final UserDirectory users;

    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final StatusChangeRows statusChanges;

    ClientService(Clients clients, UserDirectory users, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock, StatusChangeRows statusChanges) {
        this.statusChanges = statusChanges;
        this.clients = clients;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Client> all() {
        return clients.findAll();
    }

    @Transactional(readOnly = true)
    public Optional<Client> byId(long id) {
        return clients.findById(id);
    }

    @Transactional
    public Client create(ClientForm form) {
        check(form, null);
        Client client = new Client(Instant.now(clock));
        client.apply(form, Instant.now(clock));
        client = flush(client);
        if (client.getStatus() != ClientStatus.ACTIVE) {
            statusChanges.insert(client.getId(), client.getStatus(), java.time.LocalDate.now(clock));
        }
        audit.record(AuditEvent.of("CREATED", ENTITY, client.getId(), "client.created", client.getName())
                .forClient(client.getId(), client.getName()));
        events.publishEvent(new ClientTermsChanged(client.getId()));
        return client;
    }

    /** Applies the form unless someone saved the client since {@code form.version()}: then {@link ClientConflict}. */
    @Transactional
    public Client update(long id, ClientForm form) {
        Client client = clients.findById(id).orElseThrow(() -> new ClientNotFound(id));
        if (form.version() == null) {
            throw new InvalidInput(List.of(FieldProblem.of("version", "client.version.required")));
        }
        if (form.version() != client.getVersion()) {
            throw new ClientConflict(client);
        }
        check(form, id);
        Map<String, Object> before = client.fields();
        ClientStatus statusBefore = client.getStatus();
        client.apply(form, Instant.now(clock));
        Map<String, Object> after = client.fields();
        List<AuditEvent.FieldChange> changes = new ArrayList<>();
        boolean termsChanged = false;
        for (Map.Entry<String, Object> field : before.entrySet()) {
            Object old = field.getValue();
            Object now = after.get(field.getKey());
            if (!sameValue(old, now)) {
                changes.add(AuditEvent.FieldChange.of(field.getKey(), old, now));
                termsChanged |= TERMS.contains(field.getKey());
            }
        }
        if (changes.isEmpty()) {
            return client;
        }
        client = flush(client);
        if (client.getStatus() != statusBefore) {
            // A status set by hand takes effect today: months before it keep their portfolio.
            statusChanges.insert(id, client.getStatus(), java.time.LocalDate.now(clock));
        }
        audit.record(AuditEvent.of("CHANGED", ENTITY, id, "client.changed", client.getName())
                .forClient(id, client.getName()).withChanges(changes));
        if (termsChanged) {
            events.publishEvent(new ClientTermsChanged(id));
        }
        return client;
    }

    private Client flush(Client client) {
        try {
            return clients.saveAndFlush(client);
        }
        catch (ObjectOptimisticLockingFailureException e) {
            throw new ClientConflict(clients.findById(client.getId()).orElseThrow());
        }
        catch (DataIntegrityViolationException e) {
            // Another request took the name or reference between our check and our write.
            String message = String.valueOf(e.getMostSpecificCause().getMessage());
            if (message.contains("client_external_ref_uk")) {
                throw new InvalidInput(List.of(FieldProblem.of("externalRef", "client.externalRef.taken")));
            }
            throw new InvalidInput(List.of(FieldProblem.of("name", "client.name.taken")));
        }
    }

    private void check(ClientForm form, Long id) {
        List<FieldProblem> problems = problems(form, id);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    /** Everything wrong with the form, uniqueness included, without saving anything. */
    @Transactional(readOnly = true)
    public List<FieldProblem> problems(ClientForm form, Long id) {
        List<FieldProblem> problems = new ArrayList<>(ClientRules.check(form));
        if (form.name() != null && !form.name().isBlank()) {
            clients.findByNameIgnoringCase(form.name().trim()).filter(other -> !other.getId().equals(id))
                    .ifPresent(other -> problems.add(FieldProblem.of("name", "client.name.taken")));
        }
        String ref = ClientForm.blankToNull(form.externalRef());
        if (ref != null) {
            clients.findByExternalRef(ref).filter(other -> !other.getId().equals(id))
                    .ifPresent(other -> problems.add(FieldProblem.of("externalRef", "client.externalRef.taken")));
        }
        if (form.accountManagerId() != null && users.accountManagers().stream().map(UserSummary::id)
                .noneMatch(form.accountManagerId()::equals)) {
            problems.add(FieldProblem.of("accountManagerId", "client.accountManager.unknown"));
        }
        return problems;
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }
}
