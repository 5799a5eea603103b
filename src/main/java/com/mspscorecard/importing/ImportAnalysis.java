package com.mspscorecard.importing;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.importing.csv.CellError;
import com.mspscorecard.importing.csv.CellValue;
import com.mspscorecard.importing.csv.CsvFile;
import com.mspscorecard.importing.csv.CsvReader;
import com.mspscorecard.metrics.Metric;
import com.mspscorecard.metrics.SnapshotQueries;
import com.mspscorecard.metrics.SnapshotRules;
import org.springframework.stereotype.Component;

/**
 * Reads a file and classifies every row against the stored snapshots, without writing anything.
 * Clients are loaded once into maps and the affected snapshots in one query: never a query per row.
 */
@Component
class ImportAnalysis {

    static final int MAX_CLIENT_NAME = 200;

    private final SnapshotQueries snapshots;
    private final ClientQueries clients;
    private final CsvReader reader;

    private final org.springframework.context.MessageSource messages;

    ImportAnalysis(SnapshotQueries snapshots, ClientQueries clients, Clock clock,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.snapshots = snapshots;
        this.clients = clients;
        this.reader = new CsvReader(clock);
    }

    /**
     * @throws com.mspscorecard.importing.csv.CsvFileException when the file as a whole cannot be imported
     */
    ImportPreview analyse(byte[] content, ImportOptions options, ImportProgress progress) {
        progress.start(ImportProgress.Phase.READING, ImportProgress.estimateRows(content));
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
        try (CsvFile file = reader.open(content, options.overrides())) {
            List<Metric> metrics = new ArrayList<>(file.mapping().columnByMetric().keySet());
            String clientHeader = file.mapping().header(file.mapping().clientColumn());
            List<PreviewRow> rows = new ArrayList<>((int) Math.min(progress.total() + 1, 250_000));
            Map<String, Integer> missing = new LinkedHashMap<>();
            List<String> missingNames = new ArrayList<>();
            Map<Long, PreviewRow> byKey = new HashMap<>();
            // Memory must not grow with the number of errors: the first ones are kept, the rest counted.
            ImportPreview.KeptErrors kept = new ImportPreview.KeptErrors(ImportPreview.MAX_KEPT_ERRORS);
            file.readRows((csvRow, cellErrors) -> {
                List<CellError> errors = new ArrayList<>(cellErrors);
                long[] values = new long[metrics.size()];
                for (int i = 0; i < values.length; i++) {
                    CellValue cell = csvRow.values().get(metrics.get(i));
                    values[i] = cell == null ? PreviewRow.EMPTY : PreviewRow.toUnscaled(metrics.get(i), cell.value());
                }
                SnapshotRules.recommendationsProblem(value(csvRow, Metric.RECOMMENDATIONS_MADE),
                                value(csvRow, Metric.RECOMMENDATIONS_IMPLEMENTED),
                                value(csvRow, Metric.RECOMMENDATIONS_IGNORED))
                        .ifPresent(problem -> errors.add(cellError(csvRow.line(), problem.field(), "", problem.code(),
                                problem.args().toArray())));
                // A client too long to be one is only ever shown again, shortened.
                String shown = csvRow.client() != null && csvRow.client().length() > MAX_CLIENT_NAME
                        ? CellError.echo(csvRow.client()) : csvRow.client();
                PreviewRow row = new PreviewRow(csvRow.line(), shown, csvRow.month(), values, errors);
                if (csvRow.client() != null) {
                    ClientFacts client = byRef.get(csvRow.client());
                    if (client == null) {
                        client = byName.get(csvRow.client().toLowerCase(Locale.ROOT));
                    }
                    if (client != null) {
                        row.clientId = client.id();
                        row.clientName = client.name();
                    }
                    else if (csvRow.client().length() > MAX_CLIENT_NAME) {
                        errors.add(cellError(row.line, clientHeader, csvRow.client(),
                                "importing.problem.client.too_long", String.valueOf(MAX_CLIENT_NAME)));
                    }
                    else if (options.createMissingClients()) {
                        int position = missing.computeIfAbsent(csvRow.client().toLowerCase(Locale.ROOT), k -> {
                            missingNames.add(csvRow.client());
                            return missingNames.size();
                        });
                        row.clientId = -position;
                        row.clientName = missingNames.get(position - 1);
                    }
                    else {
                        errors.add(cellError(row.line, clientHeader, csvRow.client(), "importing.problem.client.unknown",
                                csvRow.client()));
                    }
                }
                if (row.clientId != 0 && row.month != null) {
                    PreviewRow earlier = byKey.putIfAbsent(key(row.clientId, row.month), row);
                    // The reader already reports the same text twice; this catches a name and a reference of one client.
                    if (earlier != null && !earlier.client.equalsIgnoreCase(row.client)) {
                        errors.add(cellError(row.line, clientHeader, row.client, "importing.problem.row.duplicate_client",
                                row.clientName, row.month.toString(), String.valueOf(earlier.line), earlier.client));
                    }
                }
                row.keepErrors(kept);
                rows.add(row);
            }, progress::advance);
            return classify(metrics, rows, byKey, options, options.describe(), sha256Hex(content), file.dialect(),
                    file.mapping(), List.copyOf(missingNames), kept, byId, progress);
        }
    }

    /**
     * Compares rows already matched to clients with the stored snapshots and classifies them: the
     * part of a preview that the CSV import and the PSA exports share.
     *
     * @param byKey       each row by {@link #key(long, YearMonth)}
     * @param description what the user chose, part of the fingerprint
     * @param contentSha  the SHA-256 of the uploaded file
     */
    ImportPreview classify(List<Metric> metrics, List<PreviewRow> rows, Map<Long, PreviewRow> byKey,
            ImportOptions options, String description, String contentSha, com.mspscorecard.importing.csv.CsvDialect dialect,
            com.mspscorecard.importing.csv.ColumnMapping mapping, List<String> missingNames,
            ImportPreview.KeptErrors kept, Map<Long, ClientFacts> byId, ImportProgress progress) {
        progress.start(ImportProgress.Phase.CHECKING, rows.size());
        loadStored(metrics, byKey);
        MessageDigest digest = sha256();
        update(digest, description);
        update(digest, contentSha);
        long checked = 0;
        // What each row would do, in binary: no string per row. The client's name goes in when it
        // differs from the previous row's, which for a file sorted by client is once per client.
        ByteBuffer fields = ByteBuffer.allocate(8 + 4 + 8 + 4 + 1);
        String previousName = null;
        for (PreviewRow row : rows) {
            classify(row);
            if (row.clientName != null && !row.clientName.equals(previousName)) {
                update(digest, "\u0000" + row.clientName.length() + ":" + row.clientName);
                previousName = row.clientName;
            }
            fields.clear();
            fields.putLong(row.clientId)
                    .putInt(row.month == null ? -1 : row.month.getYear() * 12 + row.month.getMonthValue())
                    .putLong(row.snapshotId)
                    .putInt(row.version)
                    .put((byte) row.kind.ordinal());
            digest.update(fields.array(), 0, fields.position());
            if (++checked % 5000 == 0) {
                progress.advance(checked);
            }
        }
        ImportPreview preview = new ImportPreview(options, dialect, mapping, List.copyOf(metrics), rows,
                missingNames, HexFormat.of().formatHex(digest.digest()), contentSha, kept);
        long lastClient = 0;
        for (PreviewRow row : rows) {
            if (row.clientId > 0 && row.clientId != lastClient
                    && (row.kind == PreviewRow.Kind.NEW || row.kind == PreviewRow.Kind.CHANGED)) {
                lastClient = row.clientId;
                ClientFacts client = byId.get(row.clientId);
                if (client != null) {
                    preview.changedClientsManagers.putIfAbsent(client.name(), client.accountManagerId());
                }
            }
        }
        return preview;
    }

    /**
     * An error whose English message comes from the same bundle text the pages translate; the
     * arguments are text so that a line number never gains a thousands separator.
     */
    private CellError cellError(long line, String column, String value, String code, Object... args) {
        List<Object> echoed = CellError.echoAll(List.of(args));
        return new CellError(line, column, value, messages.getMessage(code, echoed.toArray(), Locale.ENGLISH), code,
                echoed);
    }

    private void loadStored(List<Metric> metrics, Map<Long, PreviewRow> byKey) {
        Set<Long> clientIds = new TreeSet<>();
        LocalDate first = null;
        LocalDate last = null;
        for (PreviewRow row : byKey.values()) {
            if (row.clientId > 0) {
                clientIds.add(row.clientId);
                LocalDate month = row.month.atDay(1);
                first = first == null || month.isBefore(first) ? month : first;
                last = last == null || month.isAfter(last) ? month : last;
            }
        }
        if (clientIds.isEmpty()) {
            return;
        }
        snapshots.forEachStored(clientIds, YearMonth.from(first), YearMonth.from(last), stored -> {
            PreviewRow row = byKey.get(key(stored.figures().clientId(), stored.figures().month()));
            if (row == null) {
                return;
            }
            row.snapshotId = stored.id();
            row.version = stored.version();
            long[] values = new long[metrics.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = PreviewRow.toUnscaled(metrics.get(i), stored.figures().values().get(metrics.get(i)));
            }
            row.stored = values;
        });
    }

    private static void classify(PreviewRow row) {
        if (row.errorCount > 0 || row.clientId == 0 || row.month == null) {
            row.kind = PreviewRow.Kind.ERROR;
        }
        else if (!row.exists()) {
            row.kind = PreviewRow.Kind.NEW;
        }
        else {
            row.kind = java.util.Arrays.equals(row.stored, row.values) ? PreviewRow.Kind.UNCHANGED
                    : PreviewRow.Kind.CHANGED;
        }
    }

    static long key(long clientId, YearMonth month) {
        // Months fit in 20 bits for any year a spreadsheet holds; negative ids are clients still to create.
        return clientId * (1L << 20) + (month.getYear() * 12L + month.getMonthValue() - 1);
    }

    static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(sha256().digest(content));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }

    private static java.math.BigDecimal value(com.mspscorecard.importing.csv.CsvRow row, Metric metric) {
        CellValue cell = row.values().get(metric);
        return cell == null ? null : cell.value();
    }
}
