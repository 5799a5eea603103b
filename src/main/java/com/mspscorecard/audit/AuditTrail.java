package com.mspscorecard.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.mspscorecard.audit.internal.AuditCodec;
import com.mspscorecard.audit.internal.AuditEntry;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records changes. Must be called inside the transaction of the change it records
 * ({@link Propagation#MANDATORY}), so a rolled-back change leaves no audit row behind.
 * One save is one event: a form or grid save that changes three fields records one entry naming them.
 */
@Service
public class AuditTrail {

    /** Actor recorded for changes nobody logged in made (start-up, first-run setup). */
    public static final String SYSTEM = "system";

    private static final int BATCH_SIZE = 1000;

    private static final String COLUMNS = "id, occurred_at, actor, action, entity_type, entity_id, client_id, "
            + "client_name, code, args::text, changes::text, summary";

    /** Rows of one client-name or user filter; the client name is matched anywhere, ignoring case. */
    private static final String FILTER = """
             where (cast(? as text) is null or lower(actor) = lower(cast(? as text)))
               and (cast(? as text) is null or strpos(lower(client_name), lower(cast(? as text))) > 0)
               and occurred_at >= ? and occurred_at < ?
            """;

    private final JdbcTemplate jdbc;

    private final Clock clock;

    AuditTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEvent event) {
        recordAll(List.of(event));
    }

    /**
     * Records an event whose actor is not the signed-in user: a sign-in (nobody is signed in yet)
     * or a failed one. The actor must be a known username or a fixed label, never raw input.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, AuditEvent event) {
        insert(actor, List.of(event));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(Collection<AuditEvent> events) {
        insert(currentActor(), events);
    }

    private void insert(String actor, Collection<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        // One JDBC batch on the transaction's connection: an import records thousands of events at once.
        OffsetDateTime occurredAt = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        List<AuditEvent> list = events instanceof List<AuditEvent> l ? l : List.copyOf(events);
        jdbc.batchUpdate("insert into audit_entry (occurred_at, actor, action, entity_type, entity_id, client_id, "
                + "client_name, code, args, changes) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)", list,
                BATCH_SIZE, (ps, e) -> {
                    ps.setObject(1, occurredAt);
                    ps.setString(2, actor);
                    ps.setString(3, e.action());
                    ps.setString(4, e.entityType());
                    ps.setObject(5, e.entityId(), java.sql.Types.BIGINT);
                    ps.setObject(6, e.clientId(), java.sql.Types.BIGINT);
                    ps.setString(7, AuditCodec.clip(e.clientName(), 200));
                    ps.setString(8, e.code());
                    ps.setString(9, AuditCodec.encodeArgs(e.args()));
                    ps.setString(10, e.changes().isEmpty() ? null : AuditCodec.encodeChanges(e.changes()));
                });
    }

    /** Newest first; {@code client} matches a part of the client's name, ignoring case. */
    @Transactional(readOnly = true)
    Page<AuditEntry> search(String actor, String client, LocalDate from, LocalDate to, Pageable pageable) {
        ZoneId zone = clock.getZone();
        OffsetDateTime start = OffsetDateTime.ofInstant(
                from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant(), ZoneOffset.UTC);
        OffsetDateTime end = OffsetDateTime.ofInstant(to == null ? Instant.parse("9999-01-01T00:00:00Z")
                : to.plusDays(1).atStartOfDay(zone).toInstant(), ZoneOffset.UTC);
        String who = blankToNull(actor);
        String name = blankToNull(client);
        Object[] filter = { who, who, name, name, start, end };
        long total = jdbc.queryForObject("select count(*) from audit_entry" + FILTER, Long.class, filter);
        List<Object> args = new ArrayList<>(java.util.Arrays.asList(filter));
        args.add(pageable.getPageSize());
        args.add(pageable.getOffset());
        List<AuditEntry> rows = jdbc.query("select " + COLUMNS + " from audit_entry" + FILTER
                + " order by occurred_at desc, id desc limit ? offset ?", AuditTrail::entry, args.toArray());
        return new PageImpl<>(rows, pageable, total);
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
                rs.getObject("entity_id", Long.class), rs.getString("client_name"), rs.getString("code"),
                AuditCodec.decodeArgs(rs.getString("args")), AuditCodec.decodeChanges(rs.getString("changes")),
                rs.getString("summary"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
                || "anonymousUser".equals(authentication.getName())) {
            return SYSTEM;
        }
        return authentication.getName();
    }
}
