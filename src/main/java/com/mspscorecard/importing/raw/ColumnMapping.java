package com.mspscorecard.importing.raw;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The column index of each field; the user may reassign any of them, and the source saves it. */
public record ColumnMapping(RawKind kind, Map<RawField, Integer> columns) {

    public ColumnMapping {
        EnumMap<RawField, Integer> copy = new EnumMap<>(RawField.class);
        copy.putAll(columns);
        for (RawField field : copy.keySet()) {
            if (!field.kinds().contains(kind)) {
                throw new IllegalArgumentException(field + " is not a field of " + kind);
            }
        }
        columns = java.util.Collections.unmodifiableMap(copy);
    }

    public Optional<Integer> column(RawField field) {
        return Optional.ofNullable(columns.get(field));
    }

    public boolean has(RawField field) {
        return columns.containsKey(field);
    }

    /** The same mapping with {@code field} read from {@code column}, or not read at all when it is null. */
    public ColumnMapping with(RawField field, Integer column) {
        EnumMap<RawField, Integer> copy = new EnumMap<>(RawField.class);
        copy.putAll(columns);
        if (column == null) {
            copy.remove(field);
        }
        else {
            copy.put(field, column);
        }
        return new ColumnMapping(kind, copy);
    }

    /**
     * What the rows cannot be aggregated without, as field names ({@code OPENED}, {@code CLIENT or CLIENT_REF}):
     * tickets need OPENED, invoices INVOICE_DATE and TOTAL, time entries DATE_WORKED and HOURS; every kind
     * needs CLIENT or CLIENT_REF, except time entries that name a ticket (TICKET_REF).
     */
    public List<String> missingRequired() {
        List<String> missing = new ArrayList<>();
        switch (kind) {
            case TICKETS -> require(missing, RawField.OPENED);
            case INVOICES -> {
                require(missing, RawField.INVOICE_DATE);
                require(missing, RawField.TOTAL);
            }
            case TIME_ENTRIES -> {
                require(missing, RawField.DATE_WORKED);
                require(missing, RawField.HOURS);
            }
        }
        boolean client = has(RawField.CLIENT) || has(RawField.CLIENT_REF)
                || (kind == RawKind.TIME_ENTRIES && has(RawField.TICKET_REF));
        if (!client) {
            missing.add(kind == RawKind.TIME_ENTRIES ? "CLIENT or CLIENT_REF or TICKET_REF" : "CLIENT or CLIENT_REF");
        }
        return missing;
    }

    private void require(List<String> missing, RawField field) {
        if (!has(field)) {
            missing.add(field.name());
        }
    }
}
