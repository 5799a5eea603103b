package com.mspscorecard.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.importing.csv.CellError;
import com.mspscorecard.importing.raw.Aggregation;
import com.mspscorecard.importing.raw.AggregationResult;
import com.mspscorecard.importing.raw.AggregationScope;
import com.mspscorecard.importing.raw.ClientKey;
import com.mspscorecard.importing.raw.ColumnMapping;
import com.mspscorecard.importing.raw.DateOrder;
import com.mspscorecard.importing.raw.DateOrderDetection;
import com.mspscorecard.importing.raw.DateOrderGuess;
import com.mspscorecard.importing.raw.MonthFigures;
import com.mspscorecard.importing.raw.RawField;
import com.mspscorecard.importing.raw.RawFileException;
import com.mspscorecard.importing.raw.RawKind;
import com.mspscorecard.importing.raw.RawRow;
import com.mspscorecard.importing.raw.RawTable;
import com.mspscorecard.importing.raw.RowProblem;
import com.mspscorecard.importing.raw.SourceSettings;
import com.mspscorecard.importing.raw.TicketLinks;
import com.mspscorecard.metrics.Metric;
import com.mspscorecard.metrics.SnapshotRules;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns a raw PSA export into a preview the CSV import's machinery classifies and writes: the
 * file is aggregated per PSA client and month (by {@code importing.raw}, in one streaming pass),
 * each PSA client matched to a client (company id, then name, then what the source learned), and
 * each matched client and covered month becomes one row carrying only the fields the export can
 * produce. A client the source knows gets 0 for a covered month without rows; others keep theirs.
 * <p>
 * Writes nothing; runs inside the preview's read-only transaction or the commit's.
 * <p>
 * Over 250 lines: matching, filling the known clients' empty months and checking each value are one
 * walk over the aggregated figures; split apart they would hand half a dozen maps to each other.
 */
@Component
class PsaAnalysis {

    /** What to do with names nobody has decided about (the API may say; the page asks). */
    enum Unmatched { ASK, CREATE, IGNORE }

    private final PsaSources sources;
    private final PsaClientNames names;
    private final ClientQueries clients;
    private final ImportAnalysis analysis;
    private final MessageSource messages;

    PsaAnalysis(PsaSources sources, PsaClientNames names, ClientQueries clients, ImportAnalysis analysis,
            MessageSource messages) {
        this.sources = sources;
        this.names = names;
        this.clients = clients;
        this.analysis = analysis;
        this.messages = messages;
    }

    /**
     * @param commit a commit's analysis: the ticket → client pairs of a tickets file are remembered on the way
     * @throws PsaProblem when the file cannot be read at all
     */
    ImportPreview analyse(PsaUploads.Upload upload, PsaUploads.Choices choices, Unmatched unmatchedPolicy,
            ImportProgress progress, boolean commit) {
        PsaSources.Source source = sources.byId(choices.sourceId())
                .orElseThrow(() -> new PsaProblem("psa.problem.source_gone"));
        try (RawTable opened = PsaImports.open(upload)) {
            List<String> headers = opened.headers();
            PsaImports.Reading reading = PsaImports.reading(sources, headers, choices);
            ColumnMapping mapping = reading.mapping();
            List<String> missing = mapping.missingRequired();
            DateOrder order = choices.dateOrder() != null ? choices.dateOrder() : reading.savedDateOrder();
            boolean detected = false;
            boolean ask = false;
            if (missing.isEmpty() && order == null) {
                DateOrderGuess guess = guessDateOrder(opened, mapping);
                if (guess.ambiguous() || guess.order().isEmpty()) {
                    ask = true;
                }
                else {
                    order = guess.order().get();
                    detected = true;
                }
            }
            if (!missing.isEmpty() || ask) {
                return empty(upload, choices, PsaFacts.unread(source.id(), source.name(), mapping.kind(),
                        reading.layoutId(), reading.psa(), opened.format(), headers, mapping, missing, order, ask));
            }
            progress.start(ImportProgress.Phase.READING, Math.max(upload.size / 120, 1));
            RawTable counted = new CountingTable(opened, progress);
            AggregationScope scope = new AggregationScope(Optional.ofNullable(choices.from()),
                    Optional.ofNullable(choices.to()), choices.includeCutShort());
            AggregationResult result;
            PsaClientNames.TicketMemory memory = commit && mapping.kind() == RawKind.TICKETS
                    ? names.rememberTickets(source.id()) : null;
            try {
                result = Aggregation.aggregate(counted, mapping, source.settings(), order, scope,
                        names.tickets(source.id()), memory == null ? TicketLinks.NONE : memory);
                if (memory != null) {
                    memory.finish();
                    memory = null;
                }
            }
            catch (RawFileException ex) {
                throw PsaProblem.of(ex);
            }
            catch (RawFileException.Unchecked ex) {
                throw PsaProblem.of(ex.getCause());
            }
            finally {
                if (memory != null) {
                    memory.cancel();
                }
            }
            return rows(upload, choices, source, reading, opened.format(), headers, mapping, order, detected, result,
                    unmatchedPolicy, progress);
        }
    }

    private ImportPreview rows(PsaUploads.Upload upload, PsaUploads.Choices choices, PsaSources.Source source,
            PsaImports.Reading reading, String format, List<String> headers, ColumnMapping mapping, DateOrder order,
            boolean detected, AggregationResult result, Unmatched policy, ImportProgress progress) {
        Map<String, ClientFacts> byRef = new HashMap<>();
        Map<String, ClientFacts> byName = new HashMap<>();
        Map<Long, ClientFacts> byId = new HashMap<>();
        for (ClientFacts client : clients.all()) {
            byId.put(client.id(), client);
            if (client.externalRef() != null) {
                byRef.put(client.externalRef().strip(), client);
            }
            byName.put(client.name().strip().toLowerCase(Locale.ROOT), client);
        }
        Map<String, PsaClientNames.Alias> aliases = names.aliases(source.id());
        List<Metric> metrics = result.producedFields();
        List<YearMonth> covered = new ArrayList<>();
        for (YearMonth month : result.months()) {
            if (!result.cutShortMonths().contains(month) || choices.includeCutShort().contains(month)) {
                covered.add(month);
            }
        }
        // Who each PSA client is: an existing client (id > 0), one to create (id < 0), ignored, or unknown.
        Map<Long, List<ClientKey>> keysByClient = new LinkedHashMap<>();
        List<PsaFacts.Unmatched> unmatched = new ArrayList<>();
        List<PsaFacts.Unmatched> byPolicy = new ArrayList<>();
        List<String> toCreate = new ArrayList<>();
        Map<String, Integer> createdPosition = new HashMap<>();
        int ignored = 0;
        List<ClientKey> keys = new ArrayList<>(result.figures().keySet());
        keys.sort(Comparator.comparing(PsaClientNames::shown, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(PsaClientNames::key));
        for (ClientKey key : keys) {
            Optional<Long> match = match(key, byRef, byName, aliases);
            if (match == null) {
                switch (policy) {
                    case ASK -> unmatched.add(PsaFacts.Unmatched.of(key, rowsOf(result, key)));
                    case IGNORE -> {
                        ignored++;
                        byPolicy.add(PsaFacts.Unmatched.of(key, rowsOf(result, key)));
                    }
                    case CREATE -> {
                        byPolicy.add(PsaFacts.Unmatched.of(key, rowsOf(result, key)));
                        String name = PsaClientNames.shown(key);
                        int position = createdPosition.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> {
                            toCreate.add(name);
                            return toCreate.size();
                        });
                        keysByClient.computeIfAbsent((long) -position, k -> new ArrayList<>()).add(key);
                    }
                }
            }
            else if (match.isEmpty()) {
                ignored++;
            }
            else {
                keysByClient.computeIfAbsent(match.get(), k -> new ArrayList<>()).add(key);
            }
        }
        Set<Long> known = names.knownClients(source.id());
        int zeroFilled = 0;
        for (long id : new TreeSet<>(known)) {
            if (!keysByClient.containsKey(id) && byId.containsKey(id)) {
                keysByClient.put(id, List.of());
                zeroFilled++;
            }
        }
        SourceSettings settings = source.settings();
        List<PreviewRow> rows = new ArrayList<>();
        Map<Long, PreviewRow> byKey = new HashMap<>();
        ImportPreview.KeptErrors kept = new ImportPreview.KeptErrors(ImportPreview.MAX_KEPT_ERRORS);
        for (RowProblem problem : result.problems()) {
            CellError error = cellError(problem.line(), problem.column(), problem.value(), problem.code(),
                    problem.args().toArray());
            long[] none = new long[metrics.size()];
            java.util.Arrays.fill(none, PreviewRow.EMPTY);
            PreviewRow row = new PreviewRow(problem.line(), "", null, none, new ArrayList<>(List.of(error)));
            row.keepErrors(kept);
            rows.add(row);
        }
        List<Map.Entry<Long, List<ClientKey>>> ordered = new ArrayList<>(keysByClient.entrySet());
        ordered.sort(Comparator.comparing(e -> clientName(e.getKey(), byId, toCreate), String.CASE_INSENSITIVE_ORDER));
        for (Map.Entry<Long, List<ClientKey>> entry : ordered) {
            long clientId = entry.getKey();
            String clientName = clientName(clientId, byId, toCreate);
            String psaNames = entry.getValue().isEmpty() ? clientName
                    : String.join(" + ", entry.getValue().stream().map(PsaClientNames::shown).toList());
            ClientFacts facts = byId.get(clientId);
            int endpoints = facts == null || facts.endpoints() == null ? 0 : facts.endpoints();
            for (YearMonth month : covered) {
                List<CellError> errors = new ArrayList<>();
                long[] values = monthValues(metrics, entry.getValue(), result, month, settings, endpoints, errors,
                        psaNames);
                PreviewRow row = new PreviewRow(0, psaNames, month, values, errors);
                row.clientId = clientId;
                row.clientName = clientName;
                row.keepErrors(kept);
                rows.add(row);
                byKey.put(ImportAnalysis.key(clientId, month), row);
            }
        }
        PsaFacts facts = new PsaFacts(source.id(), source.name(), mapping.kind(), reading.layoutId(), reading.psa(),
                format, headers, mapping, List.of(), order, detected, false, result.firstDate(), result.lastDate(),
                choices.from(), choices.to(), result.months(), result.cutShortMonths(),
                List.copyOf(new TreeSet<>(choices.includeCutShort())), result.incompletePaymentMonths(),
                result.duplicateIds(), result.duplicateCount(), result.problems(), result.problemCount(), result.rows(),
                result.distinctValues(), List.copyOf(unmatched), List.copyOf(byPolicy), ignored, zeroFilled, metrics);
        ImportPreview preview = analysis.classify(metrics, rows, byKey, ImportOptions.defaults(false),
                choices.describe() + ";unmatched=" + policy, upload.sha256, null, null, List.copyOf(toCreate), kept,
                byId, progress);
        preview.psa = facts;
        return preview;
    }

    /**
     * The client a PSA client is: empty for a name the source ignores, {@code null} when nobody knows.
     * By the PSA's company id (the client's external reference), then the name, then what was learned.
     */
    static Optional<Long> match(ClientKey key, Map<String, ClientFacts> byRef, Map<String, ClientFacts> byName,
            Map<String, PsaClientNames.Alias> aliases) {
        if (key.ref() != null && !key.ref().isBlank()) {
            ClientFacts client = byRef.get(key.ref().strip());
            if (client != null) {
                return Optional.of(client.id());
            }
        }
        if (key.name() != null && !key.name().isBlank()) {
            ClientFacts client = byName.get(key.name().strip().toLowerCase(Locale.ROOT));
            if (client != null) {
                return Optional.of(client.id());
            }
        }
        PsaClientNames.Alias alias = aliases.get(PsaClientNames.key(key));
        if (alias == null && key.name() != null && !key.name().isBlank()) {
            alias = aliases.get(PsaClientNames.nameKey(key.name()));
        }
        return alias == null ? null : alias.clientId();
    }

    private long[] monthValues(List<Metric> metrics, List<ClientKey> keys, AggregationResult result, YearMonth month,
            SourceSettings settings, int endpoints, List<CellError> errors, String psaNames) {
        long[] values = new long[metrics.size()];
        for (int i = 0; i < values.length; i++) {
            Metric metric = metrics.get(i);
            BigDecimal total = null;
            int averages = 0;
            for (ClientKey key : keys) {
                MonthFigures figures = result.figures().getOrDefault(key, Map.of()).get(month);
                BigDecimal value = figures == null ? null : figures.values().get(metric);
                if (value != null) {
                    if (metric == Metric.AVG_DAYS_TO_PAY) {
                        averages++;
                        total = value;
                    }
                    else {
                        total = total == null ? value : total.add(value);
                    }
                }
            }
            if (metric == Metric.AVG_DAYS_TO_PAY) {
                if (averages > 1) {
                    // Two PSA names of one client each paid invoices: their averages cannot be combined.
                    errors.add(cellError(0, metric.fieldName(), psaNames, "psa.problem.two_names_average", psaNames,
                            month.toString()));
                    values[i] = PreviewRow.EMPTY;
                    continue;
                }
            }
            else if (total == null) {
                // A client the source knows, in a month the file covers: no rows means 0, not "no data".
                total = BigDecimal.ZERO;
            }
            if (metric == Metric.DELIVERY_COST && total != null) {
                total = total.add(settings.toolCost(endpoints));
            }
            if (total == null) {
                values[i] = PreviewRow.EMPTY;
                continue;
            }
            total = total.setScale(metric.kind().scale(), java.math.RoundingMode.HALF_UP);
            Optional<SnapshotRules.Problem> problem = SnapshotRules.valueProblem(metric, total);
            if (problem.isPresent()) {
                errors.add(cellError(0, metric.fieldName(), total.toPlainString(), problem.get().code(),
                        problem.get().args().toArray()));
                values[i] = PreviewRow.EMPTY;
                continue;
            }
            values[i] = PreviewRow.toUnscaled(metric, total);
        }
        return values;
    }

    private static long rowsOf(AggregationResult result, ClientKey key) {
        return result.figures().getOrDefault(key, Map.of()).size();
    }

    private static String clientName(long id, Map<Long, ClientFacts> byId, List<String> toCreate) {
        if (id < 0) {
            return toCreate.get((int) -id - 1);
        }
        ClientFacts client = byId.get(id);
        return client == null ? "#" + id : client.name();
    }

    private ImportPreview empty(PsaUploads.Upload upload, PsaUploads.Choices choices, PsaFacts facts) {
        ImportPreview preview = analysis.classify(List.of(), new ArrayList<>(), new HashMap<>(),
                ImportOptions.defaults(false), choices.describe(), upload.sha256, null, null, List.of(),
                new ImportPreview.KeptErrors(0), Map.of(), new ImportProgress(0));
        preview.psa = facts;
        return preview;
    }

    private static DateOrderGuess guessDateOrder(RawTable table, ColumnMapping mapping) {
        try {
            return DateOrderDetection.guess(table, mapping);
        }
        catch (RawFileException.Unchecked ex) {
            throw PsaProblem.of(ex.getCause());
        }
    }

    private CellError cellError(long line, String column, String value, String code, Object... args) {
        List<Object> echoed = CellError.echoAll(List.of(args));
        return new CellError(line, column == null ? "" : column, value == null ? "" : value,
                messages.getMessage(code, echoed.toArray(), code, Locale.ENGLISH), code, echoed);
    }

    /** The table as the aggregation reads it, telling the progress bar every 5,000 rows. */
    private record CountingTable(RawTable table, ImportProgress progress) implements RawTable {

        @Override
        public List<String> headers() {
            return table.headers();
        }

        @Override
        public String format() {
            return table.format();
        }

        @Override
        public Stream<RawRow> rows() {
            long[] read = { 0 };
            return table.rows().peek(row -> {
                if (++read[0] % 5000 == 0) {
                    progress.advance(read[0]);
                }
            });
        }

        @Override
        public void close() {
            table.close();
        }
    }
}
