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

    /** Errors kept with their line, column, value and reason; beyond these they are only counted. */
    static final int MAX_KEPT_ERRORS = 1000;

    /** The allowance of errors a preview keeps, taken row by row in file order. */
    static final class KeptErrors {

        private final int max;
        private int kept;

        KeptErrors(int max) {
            this.max = max;
        }

        List<CellError> take(List<CellError> errors) {
            if (errors.isEmpty() || kept >= max) {
                return List.of();
            }
            List<CellError> taken = List.copyOf(errors.subList(0, Math.min(errors.size(), max - kept)));
            kept += taken.size();
            return taken;
        }

        int kept() {
            return kept;
        }
    }

    final ImportOptions options;
    final CsvDialect dialect;
    final ColumnMapping mapping;
    /** The metrics present in the file, in {@link Metric} order; the index of each row's values. */
    final List<Metric> metrics;
    /** Every row while the preview is fresh; {@code null} once it is {@linkplain #park() parked}. */
    volatile List<PreviewRow> rows;
    private volatile ParkedRows parked;
    private final long total;
    /** Names of the clients that the import creates, in file order, as written. */
    final List<String> clientsToCreate;
    final String fingerprint;
    final String sha256;
    long newRows;
    long changedRows;
    long unchangedRows;
    long errorRows;
    long errorCount;
    /** How many of the errors are kept, and listed; the others are only counted. */
    final long keptErrors;
    /**
     * The existing clients whose figures the file would change (a new or changed row), each with
     * its account manager's id ({@code null}: unassigned), in file order: the preview warns about
     * those another manager looks after.
     */
    final java.util.LinkedHashMap<String, Long> changedClientsManagers = new java.util.LinkedHashMap<>();

    /** When a file with the same SHA-256 was last imported, if ever. */
    Instant alreadyImportedOn;

    /** For a raw PSA export: how it was read and what it covers; null for a snapshot CSV. */
    volatile PsaFacts psa;

    ImportPreview(ImportOptions options, CsvDialect dialect, ColumnMapping mapping, List<Metric> metrics,
            List<PreviewRow> rows, List<String> clientsToCreate, String fingerprint, String sha256, KeptErrors kept) {
        this.options = options;
        this.dialect = dialect;
        this.mapping = mapping;
        this.metrics = metrics;
        this.rows = rows;
        this.clientsToCreate = clientsToCreate;
        this.fingerprint = fingerprint;
        this.sha256 = sha256;
        this.keptErrors = kept.kept();
        this.total = rows.size();
        for (PreviewRow row : rows) {
            switch (row.kind) {
                case NEW -> newRows++;
                case CHANGED -> changedRows++;
                case UNCHANGED -> unchangedRows++;
                case ERROR -> {
                    errorRows++;
                    errorCount += row.errorCount;
                }
            }
        }
    }

    boolean valid() {
        return errorRows == 0 && (psa == null || psa.ready());
    }

    /** Errors counted but not listed, because the first {@link #MAX_KEPT_ERRORS} are all that is kept. */
    long unlistedErrors() {
        return errorCount - keptErrors;
    }

    long total() {
        return total;
    }

    /** The listed errors, in file order. */
    Stream<CellError> errors() {
        List<PreviewRow> fresh = rows;
        if (fresh != null) {
            return fresh.stream().filter(r -> r.kind == PreviewRow.Kind.ERROR).flatMap(r -> r.errors.stream());
        }
        List<CellError> errors = new ArrayList<>();
        parked.forEach(PreviewRow.Kind.ERROR, row -> errors.addAll(row.errors));
        return errors.stream();
    }

    /** How many rows are of {@code kind} (all rows when null). */
    long count(PreviewRow.Kind kind) {
        if (kind == null) {
            return total;
        }
        return switch (kind) {
            case NEW -> newRows;
            case CHANGED -> changedRows;
            case UNCHANGED -> unchangedRows;
            case ERROR -> errorRows;
        };
    }

    /** The rows of one kind (all when {@code kind} is null) from position {@code from}, at most {@code size}: a page. */
    List<PreviewRow> rows(PreviewRow.Kind kind, long from, int size) {
        List<PreviewRow> fresh = rows;
        if (fresh == null) {
            return parked.read(kind, from, size);
        }
        List<PreviewRow> selected = new ArrayList<>();
        long matching = 0;
        for (PreviewRow row : fresh) {
            if ((kind == null || row.kind == kind) && matching++ >= from) {
                selected.add(row);
                if (selected.size() == size) {
                    break;
                }
            }
        }
        return selected;
    }

    /**
     * Moves the rows to a temporary file: a preview waiting for confirmation then holds only its
     * counts in the heap. A commit never uses a parked preview's rows; it reads the file again.
     */
    void park() {
        List<PreviewRow> fresh = rows;
        if (fresh != null) {
            parked = ParkedRows.write(fresh);
            rows = null;
        }
    }

    /** Deletes the parked rows' file; the preview must not be read afterwards. */
    void discard() {
        ParkedRows file = parked;
        if (file != null) {
            file.delete();
        }
    }

    /** Column header to field, as the page shows the mapping. */
    Map<Integer, String> mappedColumns() {
        return mapping.mappedColumns();
    }
}
