package com.mspscorecard.importing.raw;

import com.mspscorecard.metrics.Metric;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * What one pass over a raw export found.
 *
 * @param figures                  per client and month; only the months aggregated (whole, or cut short and included)
 * @param producedFields           the only fields an import of this file may write: a tickets file never clears revenue
 * @param firstDate                the first date the export covers (the scope's, or the data's)
 * @param lastDate                 the last date
 * @param months                   every month between them, whole or cut short
 * @param cutShortMonths           months the range cuts short, left out unless the scope includes them
 * @param incompletePaymentMonths  invoices: months whose payment figures rest on an incomplete set of invoices
 * @param duplicateIds             the first duplicate ticket or invoice ids
 * @param duplicateCount           how many rows repeat an id (each one after the first)
 * @param problems                 the first rows left out, with why
 * @param problemCount             how many rows were left out
 * @param rows                     data rows read
 * @param distinctValues           value as written → rows, for the settings page, keyed {@code board:}, {@code type:},
 *                                 {@code priority:}, {@code source:}, {@code status:} (tickets; the keys of
 *                                 {@link SourceSettings#ticketCategories}), {@code invoiceStatus:}, {@code invoiceType:}
 *                                 (invoices; their values go in disputedStatuses / excludedInvoiceTypes bare) and
 *                                 {@code role:} (time entries; the keys of hourlyCostByRole); capped at 1,000 values
 */
public record AggregationResult(
        RawKind kind,
        Map<ClientKey, Map<YearMonth, MonthFigures>> figures,
        List<Metric> producedFields,
        LocalDate firstDate,
        LocalDate lastDate,
        List<YearMonth> months,
        List<YearMonth> cutShortMonths,
        List<YearMonth> incompletePaymentMonths,
        List<String> duplicateIds,
        long duplicateCount,
        List<RowProblem> problems,
        long problemCount,
        long rows,
        Map<String, Long> distinctValues) {

    /** How many problems and duplicate ids are kept to show; the counts go on. */
    public static final int SHOWN = 100;

    public AggregationResult {
        figures = Map.copyOf(figures);
        producedFields = List.copyOf(producedFields);
        months = List.copyOf(months);
        cutShortMonths = List.copyOf(cutShortMonths);
        incompletePaymentMonths = List.copyOf(incompletePaymentMonths);
        duplicateIds = List.copyOf(duplicateIds);
        problems = List.copyOf(problems);
        distinctValues = Map.copyOf(distinctValues);
    }
}
