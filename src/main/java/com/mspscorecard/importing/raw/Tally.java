package com.mspscorecard.importing.raw;

import com.mspscorecard.metrics.Metric;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The running state of one pass over one kind of export: per client and month figures, the data's date range,
 * duplicate ids and the values seen in the columns the settings categorise. Holds no row: memory grows with the
 * clients and months (and the ids, for duplicates), not with the file.
 */
abstract class Tally {

    /** Distinct values kept for the settings page; more are not a category list anyone can read. */
    static final int MAX_DISTINCT = 1_000;

    final Map<ClientKey, Map<YearMonth, MonthTally>> clients = new HashMap<>();
    final Map<String, Long> distinct = new HashMap<>();
    final List<String> duplicateIds = new ArrayList<>();
    long duplicateCount;
    LocalDate first;
    LocalDate last;
    private final Set<String> ids = new HashSet<>();
    private final AggregationScope scope;

    Tally(AggregationScope scope) {
        this.scope = scope;
    }

    /** Adds one row; a row with a problem is recorded in {@code row} and left out. */
    abstract void add(RowContext row);

    /** The fields this file can produce with this mapping and these settings. */
    abstract List<Metric> produced();

    /** Months whose payment figures rest on too few earlier invoices; only invoices have payment figures. */
    List<YearMonth> incompletePaymentMonths(List<YearMonth> aggregated, YearMonth firstWholeMonth) {
        return List.of();
    }

    /** Whether {@code date}, the row's own date, lies within the scope; widens the data's range when it does. */
    boolean inScope(LocalDate date) {
        if (scope.from().isPresent() && date.isBefore(scope.from().get())
                || scope.to().isPresent() && date.isAfter(scope.to().get())) {
            return false;
        }
        first = first == null || date.isBefore(first) ? date : first;
        last = last == null || date.isAfter(last) ? date : last;
        return true;
    }

    /** Widens the data's range to a later date the row proves the export reaches (a payment), within the scope. */
    void reaches(LocalDate date) {
        if (scope.to().isPresent() && date.isAfter(scope.to().get())) {
            return;
        }
        last = last == null || date.isAfter(last) ? date : last;
    }

    MonthTally month(ClientKey client, LocalDate date) {
        return clients.computeIfAbsent(client, c -> new HashMap<>()).computeIfAbsent(YearMonth.from(date),
                m -> new MonthTally());
    }

    /** Whether {@code id} was met before in this file: the later row is reported and left out. */
    boolean duplicate(String id) {
        if (id.isEmpty() || ids.add(id)) {
            return false;
        }
        duplicateCount++;
        if (duplicateIds.size() < AggregationResult.SHOWN) {
            duplicateIds.add(id);
        }
        return true;
    }

    /** The distinct values seen, {@code board:Security} → rows, for the settings page. */
    Map<String, Long> distinctValues() {
        return distinct;
    }

    void distinct(String dimension, String value) {
        if (value.isEmpty()) {
            return;
        }
        String key = dimension + ':' + value;
        Long count = distinct.get(key);
        if (count != null) {
            distinct.put(key, count + 1);
        }
        else if (distinct.size() < MAX_DISTINCT) {
            distinct.put(key, 1L);
        }
    }
}
