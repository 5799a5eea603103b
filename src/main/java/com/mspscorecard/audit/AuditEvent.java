package com.mspscorecard.audit;

import java.util.Objects;

/**
 * One change to record: what happened ({@code action}, e.g. {@code CREATED}), to what
 * ({@code entityType} and id, and the client it concerns if any) and, for a field change,
 * the field with its old and new value. {@code summary} is the line a person reads.
 */
public record AuditEvent(String action, String entityType, Long entityId, Long clientId, String field,
        String oldValue, String newValue, String summary) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(summary, "summary");
    }

    public static AuditEvent of(String action, String entityType, Long entityId, String summary) {
        return new AuditEvent(action, entityType, entityId, null, null, null, null, summary);
    }

    public AuditEvent forClient(Long clientId) {
        return new AuditEvent(action, entityType, entityId, clientId, field, oldValue, newValue, summary);
    }

    public static AuditEvent fieldChange(String entityType, Long entityId, Long clientId, String field,
            Object oldValue, Object newValue, String summary) {
        return new AuditEvent("CHANGED", entityType, entityId, clientId, field,
                oldValue == null ? null : oldValue.toString(), newValue == null ? null : newValue.toString(), summary);
    }
}
