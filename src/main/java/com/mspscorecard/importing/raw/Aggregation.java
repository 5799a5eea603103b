package com.mspscorecard.importing.raw;

import com.mspscorecard.metrics.Metric;
import com.mspscorecard.numbers.NumberStyle;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One pass over a raw export: figures per PSA client and month, and what the preview must say about the file
 * (its date range, the months it cuts short, duplicate ids, rows left out). Each rule is written beside its
 * field in {@link AggregationRules}, and in words in the tally of its kind.
 *
 * <p>The export's range is the scope's, or else its data's first and last date. A month the range does not cover
 * whole is cut short and left out unless the scope includes it; taken from the data, a range starting within
 * the first {@value #EDGE_DAYS} days of a month or ending within its last {@value #EDGE_DAYS} covers it whole,
 * since no ticket may fall on a weekend and a holiday: a calendar month exported alone is not cut short.
 */
public final class Aggregation {

    /** Days at a month's edge that may pass without a row before the data is taken to cut the month short. */
    static final int EDGE_DAYS = 3;

    private Aggregation() {
    }

    public static AggregationResult aggregate(RawTable table, ColumnMapping mapping, SourceSettings settings,
            DateOrder dateOrder, AggregationScope scope, TicketClients ticketClients) throws RawFileException {
        return aggregate(table, mapping, settings, dateOrder, scope, ticketClients, TicketLinks.NONE);
    }

    /**
     * As {@link #aggregate(RawTable, ColumnMapping, SourceSettings, DateOrder, AggregationScope, TicketClients)},
     * handing every ticket id of a tickets export with its client to {@code ticketLinks} as it is read.
     *
     * @throws RawFileException when the file turns out unreadable, malformed or too large while read
     */
    public static AggregationResult aggregate(RawTable table, ColumnMapping mapping, SourceSettings settings,
            DateOrder dateOrder, AggregationScope scope, TicketClients ticketClients, TicketLinks ticketLinks)
            throws RawFileException {
        Tally tally = switch (mapping.kind()) {
            case TICKETS -> new TicketTally(scope, mapping, settings, ticketLinks);
            case INVOICES -> new InvoiceTally(scope, mapping, settings);
            case TIME_ENTRIES -> new TimeTally(scope, settings, ticketClients);
        };
        RowContext context = new RowContext(mapping, table.headers(), dateOrder, NumberStyle.csv(table.decimalSeparator()));
        long rows = 0;
        try (Stream<RawRow> stream = table.rows()) {
            for (var iterator = stream.iterator(); iterator.hasNext();) {
                context.start(iterator.next());
                tally.add(context);
                rows++;
            }
        }
        catch (RawFileException.Unchecked ex) {
            throw ex.getCause();
        }
        return result(tally, mapping.kind(), scope, context, rows);
    }

    private static AggregationResult result(Tally tally, RawKind kind, AggregationScope scope, RowContext context, long rows) {
        List<Metric> produced = tally.produced().stream().sorted().toList();
        LocalDate first = scope.from().orElse(tally.first);
        LocalDate last = scope.to().orElse(tally.last);
        List<YearMonth> months = new ArrayList<>();
        List<YearMonth> cutShort = new ArrayList<>();
        Map<ClientKey, Map<YearMonth, MonthFigures>> figures = new HashMap<>();
        List<YearMonth> incomplete = List.of();
        if (first != null && last != null && !first.isAfter(last)) {
            for (YearMonth m = YearMonth.from(first); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
                months.add(m);
            }
            YearMonth firstMonth = months.get(0);
            YearMonth lastMonth = months.get(months.size() - 1);
            boolean firstWhole = scope.from().isPresent() ? first.getDayOfMonth() == 1 : first.getDayOfMonth() <= 1 + EDGE_DAYS;
            boolean lastWhole = scope.to().isPresent() ? last.equals(lastMonth.atEndOfMonth())
                    : last.getDayOfMonth() >= lastMonth.lengthOfMonth() - EDGE_DAYS;
            if (!firstWhole) {
                cutShort.add(firstMonth);
            }
            if (!lastWhole && !cutShort.contains(lastMonth)) {
                cutShort.add(lastMonth);
            }
            List<YearMonth> aggregated = months.stream()
                    .filter(m -> !cutShort.contains(m) || scope.includeCutShort().contains(m)).toList();
            for (Map.Entry<ClientKey, Map<YearMonth, MonthTally>> client : tally.clients.entrySet()) {
                Map<YearMonth, MonthFigures> byMonth = new HashMap<>();
                for (YearMonth month : aggregated) {
                    MonthTally monthTally = client.getValue().get(month);
                    byMonth.put(month, monthTally == null ? MonthTally.zero(produced, month, last)
                            : monthTally.figures(produced, month, last));
                }
                figures.put(client.getKey(), byMonth);
            }
            incomplete = tally.incompletePaymentMonths(aggregated, firstWhole ? firstMonth : firstMonth.plusMonths(1));
        }
        return new AggregationResult(kind, figures, produced, first, last, months, cutShort, incomplete,
                tally.duplicateIds, tally.duplicateCount, context.problems, context.problemCount, rows, tally.distinctValues());
    }

    /**
     * The figures of a client the source knows but the file does not name, for each month aggregated under
     * {@code scope}: 0 for every produced field (no rows means none), no average.
     */
    public static Map<YearMonth, MonthFigures> zeros(AggregationResult result, AggregationScope scope) {
        Map<YearMonth, MonthFigures> byMonth = new HashMap<>();
        for (YearMonth month : result.months()) {
            if (!result.cutShortMonths().contains(month) || scope.includeCutShort().contains(month)) {
                byMonth.put(month, MonthTally.zero(result.producedFields(), month, result.lastDate()));
            }
        }
        return byMonth;
    }
}
