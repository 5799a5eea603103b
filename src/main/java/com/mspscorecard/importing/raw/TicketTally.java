package com.mspscorecard.importing.raw;

import com.mspscorecard.importing.raw.SourceSettings.Category;
import com.mspscorecard.metrics.Metric;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tickets: each counts once in the month it was opened, as new, as reopened (a reopen count above 0, a reopened
 * flag, or a status saying reopened: counted in the month the ticket was opened, since an export shows only a
 * ticket's present state, not when it was reopened), and once per category its board, type, priority, source or
 * status is assigned to in the settings.
 */
final class TicketTally extends Tally {

    private static final Map<String, RawField> DIMENSIONS = Map.of("board", RawField.BOARD, "type", RawField.TYPE,
            "priority", RawField.PRIORITY, "source", RawField.SOURCE, "status", RawField.TICKET_STATUS);

    private static final List<String> DIMENSION_NAMES = List.of("board", "type", "priority", "source", "status");
    private static final List<RawField> DIMENSION_FIELDS = DIMENSION_NAMES.stream().map(DIMENSIONS::get).toList();

    private final ColumnMapping mapping;
    private final TicketLinks links;
    private final List<Map<String, Seen>> values = DIMENSION_NAMES.stream().map(n -> (Map<String, Seen>) new HashMap<String, Seen>()).toList();
    /** {@code board:security} → categories, keys lower-cased once. */
    private final Map<String, Set<Category>> categories = new HashMap<>();
    private final Set<Category> producedCategories = EnumSet.noneOf(Category.class);

    TicketTally(AggregationScope scope, ColumnMapping mapping, SourceSettings settings, TicketLinks links) {
        super(scope);
        this.mapping = mapping;
        this.links = links;
        settings.ticketCategories().forEach((key, category) -> {
            int colon = key.indexOf(':');
            RawField field = colon < 0 ? null : DIMENSIONS.get(key.substring(0, colon).strip().toLowerCase(Locale.ROOT));
            if (field == null) {
                return;
            }
            String normal = normal(key.substring(0, colon), key.substring(colon + 1));
            categories.computeIfAbsent(normal, k -> EnumSet.noneOf(Category.class)).add(category);
            if (mapping.has(field)) {
                producedCategories.add(category);
            }
        });
    }

    @Override
    void add(RowContext row) {
        LocalDate opened = row.date(RawField.OPENED, true);
        if (opened == null || !inScope(opened)) {
            return;
        }
        ClientKey client = row.client(true);
        if (row.failed()) {
            return;
        }
        String id = row.text(RawField.TICKET_ID);
        if (duplicate(id)) {
            return;
        }
        if (!id.isEmpty()) {
            links.link(id, client);
        }
        MonthTally month = month(client, opened);
        month.count(Metric.NEW_TICKETS);
        String status = row.text(RawField.TICKET_STATUS);
        if (row.has(RawField.REOPENED) ? RowContext.truthy(row.text(RawField.REOPENED))
                : status.toLowerCase(Locale.ROOT).replace("-", "").contains("reopen")) {
            month.count(Metric.REOPENED_TICKETS);
        }
        Set<Category> found = null;
        for (int d = 0; d < DIMENSION_NAMES.size(); d++) {
            String value = row.text(DIMENSION_FIELDS.get(d));
            if (value.isEmpty()) {
                continue;
            }
            Seen seen = values.get(d).get(value);
            if (seen == null) {
                // Looked up once per distinct value as written: a million rows hold a few dozen.
                seen = new Seen(categories.get(normal(DIMENSION_NAMES.get(d), value)));
                if (values.get(d).size() < MAX_DISTINCT) {
                    values.get(d).put(value, seen);
                }
            }
            seen.rows++;
            if (seen.categories != null) {
                found = found == null ? EnumSet.noneOf(Category.class) : found;
                found.addAll(seen.categories);
            }
        }
        if (found != null) {
            for (Category category : found) {
                month.count(metric(category));
            }
        }
    }

    /** The distinct values seen, {@code board:Security} → rows, for the settings page. */
    @Override
    Map<String, Long> distinctValues() {
        Map<String, Long> distinct = new HashMap<>();
        for (int d = 0; d < DIMENSION_NAMES.size(); d++) {
            String name = DIMENSION_NAMES.get(d);
            values.get(d).forEach((value, seen) -> distinct.put(name + ':' + value, seen.rows));
        }
        return distinct;
    }

    /** A value of a categorised column as written: how many rows have it and its categories (null: none). */
    private static final class Seen {

        final Set<Category> categories;
        long rows;

        Seen(Set<Category> categories) {
            this.categories = categories;
        }
    }

    @Override
    List<Metric> produced() {
        List<Metric> produced = new ArrayList<>(List.of(Metric.NEW_TICKETS));
        if (mapping.has(RawField.REOPENED) || mapping.has(RawField.TICKET_STATUS)) {
            produced.add(Metric.REOPENED_TICKETS);
        }
        for (Category category : producedCategories) {
            produced.add(metric(category));
        }
        return produced;
    }

    static Metric metric(Category category) {
        return switch (category) {
            case ADMIN_REQUEST -> Metric.ADMIN_REQUESTS;
            case ESCALATION -> Metric.ESCALATIONS;
            case SECURITY_INCIDENT -> Metric.SECURITY_INCIDENTS;
        };
    }

    private static String normal(String dimension, String value) {
        return dimension.strip().toLowerCase(Locale.ROOT) + ':' + value.strip().toLowerCase(Locale.ROOT);
    }
}
