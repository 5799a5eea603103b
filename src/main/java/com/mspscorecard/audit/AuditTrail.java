package com.mspscorecard.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
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

    private final Clock clock;

    AuditTrail(AuditEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEvent event) {
        entries.save(new AuditEntry(Instant.now(clock), currentActor(), event));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(Collection<AuditEvent> events) {
        Instant now = Instant.now(clock);
        String actor = currentActor();
        entries.saveAll(events.stream().map(e -> new AuditEntry(now, actor, e)).toList());
    }

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
