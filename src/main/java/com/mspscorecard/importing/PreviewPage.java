package com.mspscorecard.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mspscorecard.importing.csv.CellError;
import com.mspscorecard.importing.csv.CsvDialect;
import com.mspscorecard.metrics.Metric;
import com.mspscorecard.numbers.NumberStyle;

/** One page of a preview's rows, as the import page shows them. */
record PreviewPage(List<RowView> rows, int page, int pages, long matching, String kind) {

    record Change(String field, String oldValue, String newValue) {
    }

    /** {@code unlisted} is true for a row in error whose errors are beyond the ones a preview keeps. */
    record RowView(long line, String client, String month, String kind, List<Change> changes,
            List<CellError> errors, boolean unlisted) {
    }

    record Column(int number, String header, String field) {
    }

    /** The top of the preview: what was detected, what the user chose, and the counts. */
    record Summary(long rows, long newRows, long changed, long unchanged, long errorRows, long errorCount,
            long unlistedErrors, List<String> clientsToCreate, String fingerprint, String encoding, String delimiter, String decimal,
            String monthFormat, String monthFormatLabel, List<String> ignored, boolean valid, boolean createMissing,
            java.time.Instant alreadyImportedOn, List<String> othersClients, long othersCount) {

        /** How many of another manager's clients the warning names; the rest are counted. */
        static final int OTHERS_SHOWN = 10;

        static Summary of(ImportPreview p) {
            return of(p, null, Map.of());
        }

        /**
         * @param importer  the id of the user looking at the preview, who would commit it
         * @param managerNames display names of users by id
         */
        static Summary of(ImportPreview p, Long importer, Map<Long, String> managerNames) {
            List<String> others = new ArrayList<>();
            long othersCount = 0;
            for (Map.Entry<String, Long> e : p.changedClientsManagers.entrySet()) {
                if (e.getValue() != null && !e.getValue().equals(importer)) {
                    if (othersCount++ < OTHERS_SHOWN) {
                        others.add(e.getKey() + " (" + managerNames.getOrDefault(e.getValue(), "#" + e.getValue()) + ")");
                    }
                }
            }
            return new Summary(p.total(), p.newRows, p.changedRows, p.unchangedRows, p.errorRows, p.errorCount,
                    p.unlistedErrors(), p.clientsToCreate, p.fingerprint,
                    p.dialect.encoding().equals(java.nio.charset.StandardCharsets.UTF_8) ? "utf-8" : "windows-1252",
                    delimiterCode(p.dialect), p.dialect.decimalSeparator() == '.' ? "dot" : "comma",
                    p.dialect.monthFormat().name(), p.dialect.monthFormat().label(),
                    p.mapping.ignoredColumns().stream().map(CellError::echo).toList(),
                    p.valid(), p.options.createMissingClients(), p.alreadyImportedOn, List.copyOf(others), othersCount);
        }
    }

    static PreviewPage of(ImportPreview preview, String kindName, int page, int size) {
        return of(preview, kindName, page, size, NumberStyle.ENGLISH);
    }

    /** A page whose old and new values are written as the reader's language writes numbers ({@code 1234,50}). */
    static PreviewPage of(ImportPreview preview, String kindName, int page, int size, NumberStyle style) {
        PreviewRow.Kind kind = parseKind(kindName);
        long matching = preview.count(kind);
        int pages = (int) Math.max(1, (matching + size - 1) / size);
        int current = Math.min(Math.max(page, 0), pages - 1);
        List<RowView> views = new ArrayList<>();
        for (PreviewRow row : preview.rows(kind, (long) current * size, size)) {
            views.add(view(preview, row, style));
        }
        return new PreviewPage(views, current, pages, matching, kind == null ? "" : kind.name());
    }

    static List<Column> columns(ImportPreview preview) {
        List<Column> columns = new ArrayList<>();
        for (Map.Entry<Integer, String> e : preview.mappedColumns().entrySet()) {
            columns.add(new Column(e.getKey() + 1, CellError.echo(preview.mapping.header(e.getKey())), e.getValue()));
        }
        return columns;
    }

    static String delimiterCode(CsvDialect dialect) {
        return switch (dialect.delimiter()) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            default -> "tab";
        };
    }

    private static RowView view(ImportPreview preview, PreviewRow row, NumberStyle style) {
        List<Change> changes = new ArrayList<>();
        if (row.kind == PreviewRow.Kind.NEW || row.kind == PreviewRow.Kind.CHANGED) {
            for (int i = 0; i < preview.metrics.size(); i++) {
                Metric metric = preview.metrics.get(i);
                if (row.kind == PreviewRow.Kind.NEW || row.differs(i)) {
                    changes.add(new Change(metric.fieldName(),
                            row.kind == PreviewRow.Kind.NEW ? "" : style.plainOrEmpty(PreviewRow.toDecimal(metric, row.stored[i])),
                            style.plainOrEmpty(PreviewRow.toDecimal(metric, row.values[i]))));
                }
            }
        }
        String client = row.clientName != null && !row.clientName.equals(row.client)
                ? row.client + " → " + row.clientName : row.client;
        return new RowView(row.line, client == null ? "" : client, row.month == null ? "" : row.month.toString(),
                row.kind.name(), changes, row.errors, row.errors.size() < row.errorCount);
    }

    private static PreviewRow.Kind parseKind(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return PreviewRow.Kind.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
