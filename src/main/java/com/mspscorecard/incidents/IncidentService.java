package com.mspscorecard.incidents;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientNotFound;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.clients.FieldProblem;
import com.mspscorecard.clients.InvalidInput;
import com.mspscorecard.users.UserDirectory;
import com.mspscorecard.users.UserSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Logs and deletes red-flag incidents, audited and announced in the same transaction. */
@Service
class IncidentService {

    static final int DESCRIPTION_MAX = 2000;

    static final String ENTITY = "INCIDENT";

    private static final String SELECT = """
            select i.id, i.client_id, c.name as client_name, i.occurred_on, i.category, i.description,
                   u.display_name as logged_by, i.logged_at
            from incident i join client c on c.id = i.client_id join app_user u on u.id = i.logged_by_id
            """;

    private static final RowMapper<IncidentView> VIEW = (rs, n) -> new IncidentView(rs.getLong("id"),
            rs.getLong("client_id"), rs.getString("client_name"), rs.getObject("occurred_on", LocalDate.class),
            IncidentCategory.valueOf(rs.getString("category")), rs.getString("description"),
            rs.getString("logged_by"), rs.getTimestamp("logged_at").toInstant());

    private final JdbcTemplate jdbc;

    private final ClientQueries clients;

    private final UserDirectory users;

    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    IncidentService(JdbcTemplate jdbc, ClientQueries clients, UserDirectory users, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Incidents, newest first: all of them, or only those {@code loggedBy} logged; optionally of one client. */
    @Transactional(readOnly = true)
    List<IncidentView> list(Long clientId, String onlyLoggedBy) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (clientId != null) {
            where.append(" and i.client_id = ?");
            args.add(clientId);
        }
        if (onlyLoggedBy != null) {
            where.append(" and lower(u.username) = lower(?)");
            args.add(onlyLoggedBy);
        }
        return jdbc.query(SELECT + where + " order by i.occurred_on desc, i.id desc limit 1000", VIEW, args.toArray());
    }

    @Transactional
    long log(long clientId, IncidentForm form, String username) {
        ClientFacts client = clients.byId(clientId).orElseThrow(() -> new ClientNotFound(clientId));
        List<FieldProblem> problems = check(form);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        UserSummary author = users.byUsername(username)
                .orElseThrow(() -> new IllegalStateException("Signed-in user " + username + " is not in the directory"));
        Long id = jdbc.queryForObject("""
                insert into incident (client_id, occurred_on, category, description, logged_by_id, logged_at)
                values (?, ?, ?, ?, ?, ?) returning id
                """, Long.class, clientId, form.occurredOn(), form.category().name(), form.description().strip(),
                author.id(), Timestamp.from(clock.instant()));
        audit.record(AuditEvent.of("CREATED", ENTITY, id, "incident.created",
                new AuditEvent.Word("incident.category." + form.category()), client.name(), form.occurredOn())
                .forClient(clientId, client.name()));
        events.publishEvent(new IncidentsChanged(clientId));
        return id;
    }

    @Transactional
    void delete(long id) {
        IncidentView incident = jdbc.query(SELECT + " where i.id = ?", VIEW, id).stream().findFirst()
                .orElseThrow(() -> new IncidentNotFound(id));
        jdbc.update("delete from incident where id = ?", id);
        audit.record(AuditEvent.of("DELETED", ENTITY, id, "incident.deleted",
                new AuditEvent.Word("incident.category." + incident.category()), incident.clientName(),
                incident.occurredOn(), incident.loggedBy(), incident.description())
                .forClient(incident.clientId(), incident.clientName()));
        events.publishEvent(new IncidentsChanged(incident.clientId()));
    }

    List<FieldProblem> check(IncidentForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.occurredOn() == null) {
            problems.add(FieldProblem.of("occurredOn", "incident.occurredOn.required"));
        }
        else if (form.occurredOn().isAfter(LocalDate.now(clock))) {
            problems.add(FieldProblem.of("occurredOn", "incident.occurredOn.future"));
        }
        if (form.category() == null) {
            problems.add(FieldProblem.of("category", "incident.category.required"));
        }
        if (form.description() == null || form.description().isBlank()) {
            problems.add(FieldProblem.of("description", "incident.description.required"));
        }
        else if (form.description().strip().length() > DESCRIPTION_MAX) {
            problems.add(FieldProblem.of("description", "incident.description.tooLong", DESCRIPTION_MAX,
                    form.description().strip().length()));
        }
        return problems;
    }
}
