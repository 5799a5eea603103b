package com.mspscorecard.audit.internal;

import java.time.Instant;
import java.util.List;

import com.mspscorecard.audit.AuditEvent.FieldChange;

/**
 * A stored audit entry as read: facts only. {@code code} is null for an entry written before the log
 * stored codes; its English {@code summary} is then all there is, and the page says so.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType, Long entityId,
        String clientName, String code, List<Object> args, List<FieldChange> changes, String summary) {

    public boolean legacy() {
        return code == null;
    }
}
