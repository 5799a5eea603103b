package com.mspscorecard.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.mspscorecard.importing.csv.CellError;
import com.mspscorecard.importing.csv.ColumnMapping;
import com.mspscorecard.importing.csv.CsvDialect;
import com.mspscorecard.metrics.Metric;

/**
 * What a file would do if committed now: every row classified, the dialect and mapping used,
 * and a fingerprint of the file, the options and the stored data it touches. A commit that
 * computes another fingerprint is refused: the user confirmed something else.
 */
final class ImportPreview {

    final ImportOptions options;
    final CsvDialect dialect;
    final ColumnMapping mapping;
    /** The metrics present in the file, in {@link Metric} order; the index of each row's values. */
    final List<Metric> metrics;
    final List<PreviewRow> rows;
    /** Names of the clients that the import creates, in file order, as written. */
    final List<String> clientsToCreate;
    final String fingerprint;
    final String sha256;
    long newRows;
    long changedRows;
    long unchangedRows;
    long errorRows;
    long errorCount;
    /** When a file with the same SHA-256 was last imported, if ever. */
    Instant alreadyImportedOn;

    ImportPreview(ImportOptions options, CsvDialect dialect, ColumnMapping mapping, List<Metric> metrics,
            List<PreviewRow> rows, List<String> clientsToCreate, String fingerprint, String sha256) {
        this.options = options;
        this.dialect = dialect;
        this.mapping = mapping;
        this.metrics = metrics;
        this.rows = rows;
        this.clientsToCreate = clientsToCreate;
        this.fingerprint = fingerprint;
        this.sha256 = sha256;
        for (PreviewRow row : rows) {
            switch (row.kind) {
                case NEW -> newRows++;
                case CHANGED -> changedRows++;
                case UNCHANGED -> unchangedRows++;
                case ERROR -> {
                    errorRows++;
                    errorCount += row.errors.size();
                }
            }
        }
    }

    boolean valid() {
        return errorRows == 0;
    }

    long total() {
        return rows.size();
    }

    Stream<CellError> errors() {
        return rows.stream().filter(r -> r.kind == PreviewRow.Kind.ERROR).flatMap(r -> r.errors.stream());
    }

    /** The rows of one kind (all when {@code kind} is null), for a paged table. */
    List<PreviewRow> rows(PreviewRow.Kind kind) {
        if (kind == null) {
            return rows;
        }
        List<PreviewRow> selected = new ArrayList<>();
        for (PreviewRow row : rows) {
            if (row.kind == kind) {
                selected.add(row);
            }
        }
        return selected;
    }

    /** Column header to field, as the page shows the mapping. */
    Map<Integer, String> mappedColumns() {
        return mapping.mappedColumns();
    }
}
