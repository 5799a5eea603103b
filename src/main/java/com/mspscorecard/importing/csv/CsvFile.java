package com.mspscorecard.importing.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An opened CSV file: its dialect and header mapping are known, its rows are read once, in
 * order, without holding them. Open the file again for another pass.
 */
public final class CsvFile implements AutoCloseable {

    private final CsvDialect dialect;
    private final ColumnMapping mapping;
    private final CsvLimits limits;
    private final CsvRowParser rowParser;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long linesBefore;
    private long pendingLine;
    private CSVRecord pending;
    private boolean read;

    CsvFile(byte[] content, CsvDialect dialect, Clock clock, CsvLimits limits) {
        this.dialect = dialect;
        this.limits = limits;
        int start = StandardCharsets.UTF_8.equals(dialect.encoding()) && CsvFormatDetection.hasUtf8Bom(content) ? 3 : 0;
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(dialect.delimiter())
                // Blank lines are kept as records so that line numbers stay physical; they are skipped below.
                .setIgnoreEmptyLines(false)
                .get();
        try {
            this.parser = CSVParser.parse(new InputStreamReader(
                    new ByteArrayInputStream(content, start, content.length - start), dialect.encoding()), format);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.records = parser.iterator();
        CSVRecord header = nextNonBlank();
        if (header == null) {
            throw new CsvFileException(CsvProblem.EMPTY, "importing.problem.file.blank");
        }
        this.mapping = ColumnMapping.of(header.toList());
        this.rowParser = new CsvRowParser(mapping, dialect, clock);
        this.pending = nextNonBlank();
        if (pending == null) {
            throw new CsvFileException(CsvProblem.HEADER_ONLY, "importing.problem.file.header_only");
        }
    }

    /** The dialect the rows are read with: the guess, with the user's choices applied. */
    public CsvDialect dialect() {
        return dialect;
    }

    public ColumnMapping mapping() {
        return mapping;
    }

    /**
     * Hands every data row to {@code rows}, with its errors, and reports progress. Duplicate
     * client and month pairs are errors on the later row.
     *
     * @throws CsvFileException when there are too many rows or the file is malformed; rows already
     *                          handed out must then be discarded
     */
    public CsvReadSummary readRows(RowConsumer rows, ProgressListener progress) {
        if (read) {
            throw new IllegalStateException("The rows of a CsvFile can be read only once; open the file again");
        }
        read = true;
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        // Only the keys are kept, with the line they first appeared on, never the rows themselves.
        Map<String, Long> firstLineByKey = new HashMap<>();
        long count = 0;
        long rowsWithErrors = 0;
        long errorCount = 0;
        while (pending != null) {
            count++;
            if (count > limits.maxRows()) {
                // A count, not a position: grouped as the reader's language groups thousands.
                throw new CsvFileException(CsvProblem.TOO_MANY_ROWS, "importing.problem.file.too_many_rows",
                        limits.maxRows());
            }
            List<CellError> errors = new ArrayList<>(0);
            CsvRow row = rowParser.parse(pendingLine, pending.toList(), errors);
            if (row.client() != null && row.month() != null) {
                String key = row.client().toLowerCase(Locale.ROOT) + '\u0000' + row.month();
                Long first = firstLineByKey.putIfAbsent(key, row.line());
                if (first != null) {
                    errors.add(CellError.of(row.line(), mapping.header(mapping.clientColumn()), row.client(),
                            "importing.problem.row.duplicate", row.client(), row.month().toString(),
                            String.valueOf(first)));
                }
            }
            if (!errors.isEmpty()) {
                rowsWithErrors++;
                errorCount += errors.size();
            }
            rows.accept(row, List.copyOf(errors));
            if (count % limits.progressInterval() == 0) {
                listener.rowsRead(count);
            }
            pending = nextNonBlank();
        }
        if (count % limits.progressInterval() != 0) {
            listener.rowsRead(count);
        }
        return new CsvReadSummary(count, rowsWithErrors, errorCount);
    }

    @Override
    public void close() {
        try {
            parser.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The next record with a non-blank cell, noting the physical line it starts on. */
    private CSVRecord nextNonBlank() {
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                pendingLine = linesBefore + 1;
                linesBefore = parser.getCurrentLineNumber();
                if (!isBlank(record)) {
                    return record;
                }
            }
            return null;
        }
        catch (UncheckedIOException ex) {
            throw new CsvFileException(CsvProblem.MALFORMED, "importing.problem.file.malformed",
                    String.valueOf(linesBefore + 1));
        }
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
