package com.mspscorecard.importing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.mspscorecard.importing.raw.ClientKey;
import com.mspscorecard.importing.raw.ColumnMapping;
import com.mspscorecard.importing.raw.DateOrder;
import com.mspscorecard.importing.raw.RawKind;
import com.mspscorecard.importing.raw.RowProblem;
import com.mspscorecard.metrics.Metric;

/**
 * What a preview of a raw PSA export shows besides the rows: where the file comes from, how it is
 * read, what the data cover, and what keeps it from being committed yet (a required column not
 * mapped, the date order not known, names not matched, rows that cannot be read).
 *
 * @param dateOrderDetected true when the order was proved by the dates themselves (not chosen, not saved)
 * @param askDateOrder      the dates could be read either way and nobody chose: the page asks
 * @param unmatched         names matched neither by reference, name nor alias, with their rows
 * @param ignoredNames      names the source was told to ignore, found in this file
 * @param byPolicy     names nobody had decided about that the API's {@code unmatched} option creates or ignores
 * @param zeroFilled        clients the source knows that the file does not mention: their months become 0
 */
record PsaFacts(long sourceId, String sourceName, RawKind kind, String layoutId, String psa, String format,
        List<String> headers, ColumnMapping mapping, List<String> missingRequired, DateOrder dateOrder,
        boolean dateOrderDetected, boolean askDateOrder, LocalDate firstDate, LocalDate lastDate, LocalDate from,
        LocalDate to, List<YearMonth> months, List<YearMonth> cutShortMonths, List<YearMonth> includedCutShort,
        List<YearMonth> incompletePaymentMonths, List<String> duplicateIds, long duplicateCount,
        List<RowProblem> problems, long problemCount, long rows, Map<String, Long> distinctValues,
        List<Unmatched> unmatched, List<Unmatched> byPolicy, int ignoredNames, int zeroFilled,
        List<Metric> produced) {

    /** A name waiting for a decision, with the rows that name it. */
    record Unmatched(String key, String name, String ref, long rows) {

        static Unmatched of(ClientKey client, long rows) {
            return new Unmatched(PsaClientNames.key(client), PsaClientNames.shown(client), client.ref(), rows);
        }
    }

    /** Nothing keeps the file from being committed (the rows may still have errors). */
    boolean ready() {
        return missingRequired.isEmpty() && !askDateOrder && unmatched.isEmpty() && problemCount == 0;
    }

    /** Facts of a file that was not aggregated: what the page needs to ask for the mapping or the date order. */
    static PsaFacts unread(long sourceId, String sourceName, RawKind kind, String layoutId, String psa, String format,
            List<String> headers, ColumnMapping mapping, List<String> missingRequired, DateOrder dateOrder,
            boolean askDateOrder) {
        return new PsaFacts(sourceId, sourceName, kind, layoutId, psa, format, headers, mapping, missingRequired,
                dateOrder, false, askDateOrder, null, null, null, null, List.of(), List.of(), List.of(), List.of(),
                List.of(), 0, List.of(), 0, 0, Map.of(), List.of(), List.of(), 0, 0, List.of());
    }
}
