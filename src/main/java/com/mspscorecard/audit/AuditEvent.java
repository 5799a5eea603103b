package com.mspscorecard.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One change to record, as facts rather than sentences: what happened ({@code action}, e.g.
 * {@code CHANGED}), to what ({@code entityType} and id, and the client it concerns with its name at
 * the time), a {@code code} naming the sentence ({@code audit.event.<code>} in the message bundles)
 * with its arguments, and for a save the fields it changed, each with its old and new value. The
 * audit page words it in the reader's language when it is read.
 *
 * <p>Arguments are {@link String}s (names, file names, addresses: shown as written), {@link Integer}
 * or {@link Long} (counts, for the bundles' plural choices), {@link BigDecimal}, {@link LocalDate},
 * {@link YearMonth} (shown in the reader's date style) or a {@link Word} (a label from the bundles,
 * e.g. a role or a category).
 */
public record AuditEvent(String action, String entityType, Long entityId, Long clientId, String clientName,
        String code, List<Object> args, List<FieldChange> changes) {

    private static final String NO_VALUE = "—";

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
        changes = List.copyOf(changes);
        for (Object arg : args) {
            if (!(arg instanceof String || arg instanceof Integer || arg instanceof Long || arg instanceof BigDecimal
                    || arg instanceof LocalDate || arg instanceof YearMonth || arg instanceof Word)) {
                throw new IllegalArgumentException("An audit argument is a fact, not a " + arg.getClass());
            }
        }
    }

    /** An event without a client and without field changes; an argument without a value reads "—". */
    public static AuditEvent of(String action, String entityType, Long entityId, String code, Object... args) {
        List<Object> facts = Arrays.stream(args).map(arg -> arg == null ? (Object) NO_VALUE : arg).toList();
        return new AuditEvent(action, entityType, entityId, null, null, code, facts, List.of());
    }

    /** The same event, about a client: the name is kept as it was, so the log can be filtered by it. */
    public AuditEvent forClient(Long clientId, String clientName) {
        return new AuditEvent(action, entityType, entityId, clientId, clientName, code, args, changes);
    }

    /** The same event, listing the fields one save changed. */
    public AuditEvent withChanges(List<FieldChange> changes) {
        return new AuditEvent(action, entityType, entityId, clientId, clientName, code, args, changes);
    }

    /** A label from the message bundles, shown in the reader's language (a role, a category, a reason). */
    public record Word(String key) {

        public Word {
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * A field a save changed. Values are kept as plain text in a neutral form (numbers with a dot,
     * dates ISO, enum constants by name), {@code null} for "no value".
     */
    public record FieldChange(String field, String oldValue, String newValue) {

        public FieldChange {
            Objects.requireNonNull(field, "field");
        }

        public static FieldChange of(String field, Object oldValue, Object newValue) {
            return new FieldChange(field, text(oldValue), text(newValue));
        }

        private static String text(Object value) {
            if (value == null) {
                return null;
            }
            return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        }
    }
}
