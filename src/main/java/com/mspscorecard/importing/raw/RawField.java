package com.mspscorecard.importing.raw;

import java.util.EnumSet;
import java.util.Set;

/** What a column of a raw export means. Each belongs to one kind, except the client's name and reference. */
public enum RawField {

    CLIENT(null), CLIENT_REF(null),
    TICKET_ID(RawKind.TICKETS), OPENED(RawKind.TICKETS), CLOSED(RawKind.TICKETS), REOPENED(RawKind.TICKETS),
    BOARD(RawKind.TICKETS), TYPE(RawKind.TICKETS), PRIORITY(RawKind.TICKETS), SOURCE(RawKind.TICKETS),
    TICKET_STATUS(RawKind.TICKETS),
    INVOICE_NUMBER(RawKind.INVOICES), INVOICE_DATE(RawKind.INVOICES), DUE_DATE(RawKind.INVOICES),
    TOTAL(RawKind.INVOICES), PAID_DATE(RawKind.INVOICES), BALANCE(RawKind.INVOICES), PAID_FLAG(RawKind.INVOICES),
    INVOICE_STATUS(RawKind.INVOICES), INVOICE_TYPE(RawKind.INVOICES),
    DATE_WORKED(RawKind.TIME_ENTRIES), HOURS(RawKind.TIME_ENTRIES), MEMBER(RawKind.TIME_ENTRIES),
    ROLE(RawKind.TIME_ENTRIES), BILLABLE(RawKind.TIME_ENTRIES),
    /** The ticket a time entry was logged on, where the layout names no client (Autotask's {@code ticketID}). */
    TICKET_REF(RawKind.TIME_ENTRIES);

    private final RawKind kind;

    RawField(RawKind kind) {
        this.kind = kind;
    }

    public Set<RawKind> kinds() {
        return kind == null ? EnumSet.allOf(RawKind.class) : EnumSet.of(kind);
    }

    /** The fields a column of this kind of export may be assigned to, in the order a page lists them. */
    public static Set<RawField> of(RawKind kind) {
        Set<RawField> fields = EnumSet.noneOf(RawField.class);
        for (RawField field : values()) {
            if (field.kinds().contains(kind)) {
                fields.add(field);
            }
        }
        return fields;
    }
}
