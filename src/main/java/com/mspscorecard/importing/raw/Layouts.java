package com.mspscorecard.importing.raw;

import static com.mspscorecard.importing.raw.RawField.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The layouts raw exports come in: presets for ConnectWise PSA, Autotask, HaloPSA and Syncro with the
 * column names of their exports and APIs, and a generic layout per kind with the common English names.
 * Header names are compared as the snapshot CSV import compares them: ignoring case, spaces, {@code -} and
 * {@code _}, so {@code dateEntered}, {@code Date Entered} and {@code date_entered} are one name.
 */
public final class Layouts {

    private static final List<Layout> PRESETS = List.of(
            layout("connectwise-tickets", "ConnectWise PSA", RawKind.TICKETS, Map.ofEntries(
                    Map.entry(TICKET_ID, List.of("id", "ticketNumber")), Map.entry(CLIENT, List.of("company", "companyName")),
                    Map.entry(CLIENT_REF, List.of("companyIdentifier", "companyId")), Map.entry(BOARD, List.of("board")),
                    Map.entry(TICKET_STATUS, List.of("status")), Map.entry(TYPE, List.of("type")),
                    Map.entry(PRIORITY, List.of("priority")), Map.entry(SOURCE, List.of("source")),
                    Map.entry(OPENED, List.of("dateEntered")), Map.entry(CLOSED, List.of("closedDate")))),
            layout("connectwise-invoices", "ConnectWise PSA", RawKind.INVOICES, Map.ofEntries(
                    Map.entry(INVOICE_NUMBER, List.of("invoiceNumber")), Map.entry(CLIENT, List.of("company", "companyName")),
                    Map.entry(CLIENT_REF, List.of("companyIdentifier", "companyId")),
                    Map.entry(INVOICE_DATE, List.of("date")), Map.entry(DUE_DATE, List.of("dueDate")),
                    Map.entry(TOTAL, List.of("total")), Map.entry(BALANCE, List.of("balance")),
                    Map.entry(INVOICE_STATUS, List.of("status")), Map.entry(INVOICE_TYPE, List.of("type")))),
            layout("connectwise-time", "ConnectWise PSA", RawKind.TIME_ENTRIES, Map.ofEntries(
                    Map.entry(CLIENT, List.of("company", "companyName")), Map.entry(CLIENT_REF, List.of("companyIdentifier", "companyId")),
                    Map.entry(TICKET_REF, List.of("chargeToId")), Map.entry(MEMBER, List.of("member")),
                    Map.entry(ROLE, List.of("workRole")), Map.entry(DATE_WORKED, List.of("timeStart", "dateEntered")),
                    Map.entry(HOURS, List.of("actualHours")), Map.entry(BILLABLE, List.of("billableOption")))),
            layout("autotask-tickets", "Autotask", RawKind.TICKETS, Map.ofEntries(
                    // id first: Autotask's time entries name a ticket by its id, not by its ticket number.
                    Map.entry(TICKET_ID, List.of("id", "ticketNumber")), Map.entry(CLIENT_REF, List.of("companyID")),
                    Map.entry(CLIENT, List.of("companyName")),
                    Map.entry(OPENED, List.of("createDate")), Map.entry(CLOSED, List.of("completedDate")),
                    Map.entry(BOARD, List.of("queueID")), Map.entry(TYPE, List.of("issueType")),
                    Map.entry(PRIORITY, List.of("priority")), Map.entry(TICKET_STATUS, List.of("status")),
                    Map.entry(SOURCE, List.of("source")))),
            layout("autotask-invoices", "Autotask", RawKind.INVOICES, Map.ofEntries(
                    Map.entry(INVOICE_NUMBER, List.of("invoiceNumber")), Map.entry(CLIENT_REF, List.of("companyID")),
                    Map.entry(CLIENT, List.of("companyName")),
                    Map.entry(INVOICE_DATE, List.of("invoiceDateTime")), Map.entry(DUE_DATE, List.of("dueDate")),
                    Map.entry(TOTAL, List.of("invoiceTotal")), Map.entry(PAID_DATE, List.of("paidDate")),
                    Map.entry(INVOICE_STATUS, List.of("status")), Map.entry(INVOICE_TYPE, List.of("type")))),
            layout("autotask-time", "Autotask", RawKind.TIME_ENTRIES, Map.ofEntries(
                    Map.entry(TICKET_REF, List.of("ticketID")), Map.entry(MEMBER, List.of("resourceID")),
                    Map.entry(ROLE, List.of("roleID")), Map.entry(DATE_WORKED, List.of("dateWorked")),
                    Map.entry(HOURS, List.of("hoursWorked")), Map.entry(CLIENT_REF, List.of("companyID")))),
            layout("halopsa-tickets", "HaloPSA", RawKind.TICKETS, Map.ofEntries(
                    Map.entry(TICKET_ID, List.of("id")), Map.entry(CLIENT, List.of("client_name")),
                    Map.entry(CLIENT_REF, List.of("client_id")),
                    Map.entry(OPENED, List.of("dateoccurred")), Map.entry(CLOSED, List.of("datecleared")),
                    Map.entry(TYPE, List.of("tickettype")), Map.entry(PRIORITY, List.of("priority")),
                    Map.entry(BOARD, List.of("category_1")), Map.entry(TICKET_STATUS, List.of("status")),
                    Map.entry(REOPENED, List.of("reopened")))),
            layout("halopsa-invoices", "HaloPSA", RawKind.INVOICES, Map.ofEntries(
                    Map.entry(INVOICE_NUMBER, List.of("invoicenumber")), Map.entry(CLIENT, List.of("client_name")),
                    Map.entry(CLIENT_REF, List.of("client_id")),
                    Map.entry(INVOICE_DATE, List.of("invoice_date")), Map.entry(DUE_DATE, List.of("duedate")),
                    Map.entry(TOTAL, List.of("total")), Map.entry(BALANCE, List.of("amount_remaining")),
                    Map.entry(PAID_DATE, List.of("datepaid")),
                    Map.entry(INVOICE_STATUS, List.of("status")), Map.entry(INVOICE_TYPE, List.of("type")))),
            layout("syncro-invoices", "Syncro", RawKind.INVOICES, Map.ofEntries(
                    Map.entry(INVOICE_NUMBER, List.of("number")), Map.entry(CLIENT, List.of("customer_business_then_name")),
                    Map.entry(CLIENT_REF, List.of("customer_id")),
                    Map.entry(INVOICE_DATE, List.of("date")), Map.entry(DUE_DATE, List.of("due_date")),
                    Map.entry(TOTAL, List.of("total")), Map.entry(BALANCE, List.of("balance_due")),
                    Map.entry(PAID_FLAG, List.of("is_paid")), Map.entry(INVOICE_STATUS, List.of("status")))),
            layout("generic-tickets", "generic", RawKind.TICKETS, Map.ofEntries(
                    Map.entry(TICKET_ID, List.of("ticket id", "ticket number", "ticket no", "ticket #", "ticket", "id", "number")),
                    Map.entry(CLIENT, List.of("client", "client name", "company", "company name", "customer", "customer name",
                            "account", "account name", "organization", "organisation")),
                    Map.entry(CLIENT_REF, List.of("client id", "client ref", "client reference", "company id", "customer id",
                            "account id")),
                    Map.entry(OPENED, List.of("opened", "date opened", "opened date", "opened at", "created", "created date",
                            "date created", "created at", "date entered", "open date", "submitted", "date")),
                    Map.entry(CLOSED, List.of("closed", "date closed", "closed date", "closed at", "resolved", "resolved date",
                            "date resolved", "completed", "completed date")),
                    Map.entry(REOPENED, List.of("reopened", "reopen count", "reopens", "times reopened", "reopened count")),
                    Map.entry(BOARD, List.of("board", "queue", "category", "team")),
                    Map.entry(TYPE, List.of("type", "ticket type", "issue type")),
                    Map.entry(PRIORITY, List.of("priority", "urgency")),
                    Map.entry(SOURCE, List.of("source", "channel", "origin")),
                    Map.entry(TICKET_STATUS, List.of("status", "state")))),
            layout("generic-invoices", "generic", RawKind.INVOICES, Map.ofEntries(
                    // A bare "Paid" column is a date in some tools and yes/no in others: left for the user to assign.
                    Map.entry(INVOICE_NUMBER, List.of("invoice number", "invoice no", "invoice #", "invoice id", "invoice",
                            "number", "id")),
                    Map.entry(CLIENT, List.of("client", "client name", "company", "company name", "customer", "customer name",
                            "account", "account name", "bill to")),
                    Map.entry(CLIENT_REF, List.of("client id", "client ref", "client reference", "company id", "customer id",
                            "account id")),
                    Map.entry(INVOICE_DATE, List.of("invoice date", "date", "issued", "issue date", "issued on", "date issued",
                            "created", "created date")),
                    Map.entry(DUE_DATE, List.of("due", "due date", "date due", "due on", "payment due")),
                    Map.entry(TOTAL, List.of("total", "amount", "invoice total", "total amount", "grand total", "net", "value")),
                    Map.entry(PAID_DATE, List.of("paid date", "date paid", "paid on", "payment date", "paid at")),
                    Map.entry(BALANCE, List.of("balance", "balance due", "amount due", "outstanding", "amount remaining",
                            "open balance", "remaining")),
                    Map.entry(PAID_FLAG, List.of("is paid", "paid?", "paid flag", "settled", "fully paid")),
                    Map.entry(INVOICE_STATUS, List.of("status", "state", "invoice status")),
                    Map.entry(INVOICE_TYPE, List.of("type", "invoice type", "category", "kind", "line type")))),
            layout("generic-time", "generic", RawKind.TIME_ENTRIES, Map.ofEntries(
                    Map.entry(CLIENT, List.of("client", "client name", "company", "company name", "customer", "customer name",
                            "account", "account name")),
                    Map.entry(CLIENT_REF, List.of("client id", "client ref", "client reference", "company id", "customer id",
                            "account id")),
                    Map.entry(DATE_WORKED, List.of("date worked", "work date", "worked on", "date", "day", "start", "started",
                            "time start", "start time")),
                    Map.entry(HOURS, List.of("hours", "hours worked", "actual hours", "duration", "time spent", "hours spent",
                            "time")),
                    Map.entry(MEMBER, List.of("member", "technician", "tech", "agent", "user", "resource", "employee", "staff",
                            "engineer")),
                    Map.entry(ROLE, List.of("role", "work role", "position", "work type")),
                    Map.entry(BILLABLE, List.of("billable", "billable option", "is billable", "billable?")),
                    Map.entry(TICKET_REF, List.of("ticket", "ticket id", "ticket number", "ticket no", "ticket #")))));

    private Layouts() {
    }

    /** Every preset, the generic layouts last. */
    public static List<Layout> presets() {
        return PRESETS;
    }

    public static Optional<Layout> byId(String id) {
        return PRESETS.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /**
     * Recognises the kind and best layout from a header row and assigns every column it can. The layout
     * assigning the most columns wins, a file that has every required field before one that has not, a preset
     * before the generic layout at equal count.
     */
    public static Recognition recognise(List<String> headers) {
        Layout best = null;
        ColumnMapping bestMapping = null;
        double bestScore = -1;
        for (Layout layout : PRESETS) {
            ColumnMapping mapping = mappingFor(layout, headers);
            double score = mapping.columns().size() + (mapping.missingRequired().isEmpty() ? 100 : 0)
                    + (layout.generic() ? 0 : 0.5);
            if (score > bestScore) {
                best = layout;
                bestMapping = mapping;
                bestScore = score;
            }
        }
        List<String> unassigned = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            if (!bestMapping.columns().containsValue(i) && !headers.get(i).isBlank()) {
                unassigned.add(headers.get(i));
            }
        }
        return new Recognition(best.kind(), best, bestMapping, unassigned, fingerprint(headers));
    }

    /** The columns of {@code headers} that {@code layout} names, each column given to one field at most. */
    public static ColumnMapping mappingFor(Layout layout, List<String> headers) {
        Map<String, Integer> columnByKey = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            columnByKey.putIfAbsent(key(headers.get(i)), i);
        }
        EnumMap<RawField, Integer> columns = new EnumMap<>(RawField.class);
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        // Specific names before the catch-alls ("date", "id", "number") another field may need first.
        for (int pass = 0; pass < 8; pass++) {
            for (RawField field : RawField.values()) {
                List<String> names = layout.headerNames().get(field);
                if (names == null || columns.containsKey(field) || pass >= names.size()) {
                    continue;
                }
                Integer column = columnByKey.get(key(names.get(pass)));
                if (column != null && taken.add(column)) {
                    columns.put(field, column);
                }
            }
        }
        return new ColumnMapping(layout.kind(), columns);
    }

    /** A stable hash of the header row as compared (case, spaces, {@code -} and {@code _} ignored). */
    public static String fingerprint(List<String> headers) {
        StringBuilder joined = new StringBuilder();
        for (String header : headers) {
            joined.append(key(header)).append('\u001F');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(joined.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A header as compared: as the CSV import compares its own. */
    static String key(String header) {
        return com.mspscorecard.importing.csv.ColumnMapping.key(header);
    }

    private static Layout layout(String id, String psa, RawKind kind, Map<RawField, List<String>> names) {
        return new Layout(id, psa, kind, names);
    }
}
