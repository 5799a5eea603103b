package com.mspscorecard.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
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
 */
@Service
public class AuditTrail {

    /** Actor recorded for changes nobody logged in made (start-up, first-run setup). */
    public static final String SYSTEM = "system";

    private final AuditEntries entries;

    private final JdbcTemplate jdbc;

    private final Clock clock;

    AuditTrail(AuditEntries entries, JdbcTemplate jdbc, Clock clock) {
        this.entries = entries;
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
        Instant now = Instant.now(clock);
        // One JDBC batch on the transaction's connection: JPA cannot batch IDENTITY inserts, and an
        // import records thousands of events at once. AuditEntry stays the mapping for reads.
        OffsetDateTime occurredAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        List<AuditEvent> list = events instanceof List<AuditEvent> l ? l : List.copyOf(events);
        jdbc.batchUpdate("insert into audit_entry (occurred_at, actor, action, entity_type, entity_id, client_id, "
                + "field, old_value, new_value, summary) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", list, BATCH_SIZE,
                (ps, e) -> {
                    ps.setObject(1, occurredAt);
                    ps.setString(2, actor);
                    ps.setString(3, e.action());
                    ps.setString(4, e.entityType());
                    ps.setObject(5, e.entityId(), java.sql.Types.BIGINT);
                    ps.setObject(6, e.clientId(), java.sql.Types.BIGINT);
                    ps.setString(7, e.field());
                    ps.setString(8, e.oldValue());
                    ps.setString(9, e.newValue());
                    ps.setString(10, AuditEntry.summaryOf(e));
                });
    }

    private static final int BATCH_SIZE = 1000;

    @Transactional(readOnly = true)
    Page<AuditEntry> search(Long clientId, String actor, LocalDate from, LocalDate to, Pageable pageable) {
        ZoneId zone = clock.getZone();
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? Instant.parse("9999-01-01T00:00:00Z") : to.plusDays(1).atStartOfDay(zone).toInstant();
        return entries.search(clientId, actor == null || actor.isBlank() ? null : actor.trim(), start, end, pageable);
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
