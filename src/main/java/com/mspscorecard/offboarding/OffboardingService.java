package com.mspscorecard.offboarding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientNotFound;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.clients.ClientStatus;
import com.mspscorecard.clients.ClientStatuses;
import com.mspscorecard.contracts.ContractDeadline;
import com.mspscorecard.contracts.ContractDeadlines;
import com.mspscorecard.users.Role;
import com.mspscorecard.users.UserDirectory;
import com.mspscorecard.users.UserSummary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Opens, works and closes offboarding cases. Who may do what: the owner decides (open, complete,
 * withdraw, edit the letter); account managers work the checklists of their own clients; anyone
 * ticks the items assigned to them. Every step is audited in the transaction that makes it.
 */
@Service
class OffboardingService {

    static final String ENTITY = "OFFBOARDING_CASE";
    static final int MAX_TEXT = 20_000;

    private final CaseRows rows;
    private final ClientQueries clients;
    private final ClientStatuses statuses;
    private final ContractDeadlines deadlines;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final Clock clock;

    OffboardingService(CaseRows rows, ClientQueries clients, ClientStatuses statuses, ContractDeadlines deadlines,
            UserDirectory users, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.clients = clients;
        this.statuses = statuses;
        this.deadlines = deadlines;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in user as the rules need them. */
    public record Actor(long id, String username, Role role) {

        public boolean owner() {
            return role == Role.OWNER;
        }
    }

    Actor actor(String username) {
        UserSummary user = users.byUsername(username).orElseThrow(() -> new AccessDeniedException("unknown user"));
        return new Actor(user.id(), user.username(), user.role());
    }

    @Transactional(readOnly = true)
    OffboardingCase get(long id) {
        OffboardingCase k = rows.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ClientFacts client = clients.byId(k.clientId()).orElseThrow();
        return k.named(client.name(), client.accountManagerId());
    }

    @Transactional(readOnly = true)
    List<ChecklistItem> items(long caseId) {
        Map<Long, String> names = usernames();
        return rows.items(caseId).stream().map(i -> i.named(names.get(i.assigneeId()))).toList();
    }

    @Transactional(readOnly = true)
    List<OffboardingCase> ofClient(long clientId) {
        ClientFacts client = clients.byId(clientId).orElseThrow(() -> new ClientNotFound(clientId));
        return rows.ofClient(clientId).stream().map(k -> k.named(client.name(), client.accountManagerId())).toList();
    }

    @Transactional(readOnly = true)
    List<OffboardingCase> openCases() {
        Map<Long, ClientFacts> byId = clients.all().stream().collect(Collectors.toMap(ClientFacts::id, Function.identity()));
        return rows.open().stream().map(k -> {
            ClientFacts c = byId.get(k.clientId());
            return k.named(c.name(), c.accountManagerId());
        }).toList();
    }

    /** The open cases' items assigned to the user: all that staff see of offboarding. */
    @Transactional(readOnly = true)
    List<ChecklistItem> assignedTo(Actor actor) {
        return rows.assignedTo(actor.id()).stream().map(i -> i.named(actor.username())).toList();
    }

    /** The earliest exit the contract allows, or the problem that keeps it from being known. */
    @Transactional(readOnly = true)
    ContractDeadline deadline(long clientId) {
        return deadlines.of(clientId).orElseThrow(() -> new ClientNotFound(clientId));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    long open(long clientId, CaseForm form, Actor actor) {
        requireOwner(actor);
        ClientFacts client = clients.byId(clientId).orElseThrow(() -> new ClientNotFound(clientId));
        if (client.status() == ClientStatus.OFFBOARDED) {
            throw CaseProblem.of(null, "offboarding.refused.offboarded");
        }
        if (rows.openOf(clientId).isPresent()) {
            throw CaseProblem.of(null, "offboarding.refused.alreadyOpen");
        }
        String reasons = text(form.getReasons(), "reasons", true);
        String letter = text(form.getLetter(), "letter", false);
        String language = "it".equals(form.getLetterLanguage()) ? "it" : "en";
        LocalDate exit = form.getExitDate();
        if (exit == null) {
            throw CaseProblem.of("exitDate", "offboarding.exitDate.required");
        }
        if (exit.isBefore(today())) {
            throw CaseProblem.of("exitDate", "offboarding.exitDate.past");
        }
        ContractDeadline deadline = deadline(clientId);
        if (deadline.nextExit() != null && exit.isBefore(deadline.nextExit()) && !form.isConfirmEarly()) {
            throw CaseProblem.of("exitDate", "offboarding.exitDate.early", deadline.nextExit().toString());
        }
        String decision = form.getDecision() == null || form.getDecision().isBlank() ? "OWNER_DECISION"
                : form.getDecision().trim();
        if (decision.length() > 30) {
            throw CaseProblem.of("decision", "offboarding.decision.invalid");
        }
        long id;
        try {
            id = rows.insert(clientId, decision, reasons, exit, language, letter, actor.username());
        }
        catch (DuplicateKeyException e) {
            throw CaseProblem.of(null, "offboarding.refused.alreadyOpen");
        }
        for (TemplateItem item : rows.template()) {
            LocalDate due = exit.minusDays(item.daysBeforeExit());
            rows.insertItem(id, item.position(), item.title(language), null, due.isBefore(today()) ? today() : due);
        }
        audit.record(AuditEvent.of("CASE_OPENED", ENTITY, id, "offboarding.opened", client.name(), exit)
                .forClient(clientId, client.name()));
        statuses.change(clientId, ClientStatus.OFFBOARDING, today(), new AuditEvent.Word("audit.because.caseOpened"));
        return id;
    }

    @Transactional
    void tick(long caseId, long itemId, int version, boolean done, Actor actor) {
        OffboardingCase k = openCase(caseId);
        ChecklistItem item = rows.item(caseId, itemId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!mayWork(k, item, actor)) {
            throw new AccessDeniedException("not your item");
        }
        if (item.version() != version) {
            throw stale(item);
        }
        if (item.done() == done) {
            return;
        }
        if (!rows.tick(itemId, version, done ? actor.username() : null)) {
            throw stale(rows.item(caseId, itemId).orElseThrow());
        }
        audit.record(AuditEvent.of(done ? "ITEM_DONE" : "ITEM_REOPENED", ENTITY, caseId,
                done ? "offboarding.itemDone" : "offboarding.itemReopened", k.clientName(), item.title())
                .forClient(k.clientId(), k.clientName()));
    }

    @Transactional
    void assign(long caseId, long itemId, int version, Long assigneeId, LocalDate dueOn, Actor actor) {
        OffboardingCase k = openCase(caseId);
        if (!actor.owner() && !(actor.role() == Role.ACCOUNT_MANAGER && Long.valueOf(actor.id()).equals(k.accountManagerId()))) {
            throw new AccessDeniedException("not your client");
        }
        ChecklistItem item = rows.item(caseId, itemId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        UserSummary assignee = null;
        if (assigneeId != null) {
            assignee = users.byId(assigneeId).filter(UserSummary::enabled)
                    .orElseThrow(() -> CaseProblem.of("assigneeId", "offboarding.assignee.unknown"));
        }
        if (item.version() != version || !rows.assign(itemId, version, assigneeId, dueOn)) {
            throw stale(rows.item(caseId, itemId).orElseThrow());
        }
        audit.record((dueOn == null
                ? AuditEvent.of("ITEM_ASSIGNED", ENTITY, caseId, "offboarding.itemAssigned", k.clientName(), item.title(),
                        assignee == null ? new AuditEvent.Word("audit.nobody") : assignee.username())
                : AuditEvent.of("ITEM_ASSIGNED", ENTITY, caseId, "offboarding.itemAssignedDue", k.clientName(), item.title(),
                        assignee == null ? new AuditEvent.Word("audit.nobody") : assignee.username(), dueOn))
                .forClient(k.clientId(), k.clientName()));
    }

    @Transactional
    void complete(long caseId, int version, Actor actor) {
        requireOwner(actor);
        OffboardingCase k = openCase(caseId);
        long left = rows.items(caseId).stream().filter(i -> !i.done()).count();
        if (left > 0) {
            throw CaseProblem.of(null, "offboarding.complete.itemsLeft", left);
        }
        if (!rows.close(caseId, version, "COMPLETED", null, actor.username())) {
            throw CaseProblem.conflict("offboarding.stale.case");
        }
        LocalDate effective = k.exitDate().isBefore(today()) ? today() : k.exitDate();
        audit.record(AuditEvent.of("CASE_COMPLETED", ENTITY, caseId, "offboarding.completed", k.clientName(), effective)
                .forClient(k.clientId(), k.clientName()));
        statuses.change(k.clientId(), ClientStatus.OFFBOARDED, effective, new AuditEvent.Word("audit.because.caseCompleted"));
    }

    @Transactional
    void withdraw(long caseId, int version, String reason, Actor actor) {
        requireOwner(actor);
        OffboardingCase k = openCase(caseId);
        String why = text(reason, "withdrawReason", true);
        if (why.length() > 2000) {
            throw CaseProblem.of("withdrawReason", "offboarding.text.tooLong", 2000);
        }
        if (!rows.close(caseId, version, "WITHDRAWN", why, actor.username())) {
            throw CaseProblem.conflict("offboarding.stale.case");
        }
        audit.record(AuditEvent.of("CASE_WITHDRAWN", ENTITY, caseId, "offboarding.withdrawn", k.clientName(), why)
                .forClient(k.clientId(), k.clientName()));
        statuses.change(k.clientId(), ClientStatus.ACTIVE, today(), new AuditEvent.Word("audit.because.caseWithdrawn"));
    }

    @Transactional
    void saveLetter(long caseId, int version, String language, String letter, Actor actor) {
        requireOwner(actor);
        OffboardingCase k = openCase(caseId);
        String text = text(letter, "letter", false);
        if (!rows.updateLetter(caseId, version, "it".equals(language) ? "it" : "en", text)) {
            throw CaseProblem.conflict("offboarding.stale.case");
        }
        audit.record(AuditEvent.of("LETTER_SAVED", ENTITY, caseId, "offboarding.letterSaved", k.clientName())
                .forClient(k.clientId(), k.clientName()));
    }

    @Transactional(readOnly = true)
    List<TemplateItem> template() {
        return rows.template();
    }

    /** Replaces the checklist template; cases already open keep their checklists. */
    @Transactional
    void saveTemplate(List<TemplateItem> items, Actor actor) {
        requireOwner(actor);
        for (TemplateItem item : items) {
            if (item.titleEn().length() > 300 || item.titleIt().length() > 300) {
                throw CaseProblem.of(null, "offboarding.template.tooLong", 300);
            }
            if (item.daysBeforeExit() < 0 || item.daysBeforeExit() > 3650) {
                throw CaseProblem.of(null, "offboarding.template.days");
            }
        }
        rows.replaceTemplate(items);
        audit.record(AuditEvent.of("CHECKLIST_TEMPLATE_SAVED", "CHECKLIST_TEMPLATE", null,
                "offboarding.templateSaved", items.size()));
    }

    /** Owners work every item; account managers those of their own clients' cases and their own; staff their own. */
    static boolean mayWork(OffboardingCase k, ChecklistItem item, Actor actor) {
        if (actor.owner() || Long.valueOf(actor.id()).equals(item.assigneeId())) {
            return true;
        }
        return actor.role() == Role.ACCOUNT_MANAGER && Long.valueOf(actor.id()).equals(k.accountManagerId());
    }

    private OffboardingCase openCase(long caseId) {
        OffboardingCase k = get(caseId);
        if (!k.open()) {
            throw CaseProblem.conflict("offboarding.stale.closed");
        }
        return k;
    }

    private CaseProblem stale(ChecklistItem now) {
        if (now.done()) {
            return CaseProblem.conflict("offboarding.stale.itemDone", now.title(), now.doneBy());
        }
        return CaseProblem.conflict("offboarding.stale.itemChanged", now.title());
    }

    private static void requireOwner(Actor actor) {
        if (!actor.owner()) {
            throw new AccessDeniedException("owner only");
        }
    }

    private static String text(String value, String field, boolean required) {
        String text = value == null ? "" : value.strip();
        if (required && text.isEmpty()) {
            throw CaseProblem.of(field, "offboarding.text.required");
        }
        if (text.length() > MAX_TEXT) {
            throw CaseProblem.of(field, "offboarding.text.tooLong", MAX_TEXT);
        }
        if (text.indexOf('\0') >= 0) {
            throw CaseProblem.of(field, "offboarding.text.nul");
        }
        return text.isEmpty() ? null : text;
    }

    private Map<Long, String> usernames() {
        return users.all().stream().collect(Collectors.toMap(UserSummary::id, UserSummary::username));
    }
}
