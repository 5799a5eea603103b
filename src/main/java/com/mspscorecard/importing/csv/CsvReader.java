package com.mspscorecard.importing.csv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Objects;

/**
 * The entry point for reading snapshot CSV files. {@link #open} checks the file, guesses its
 * dialect and maps its header; the returned {@link CsvFile} then streams its rows once.
 * <pre>{@code
 * try (CsvFile file = reader.open(upload, overrides)) {
 *     show(file.dialect(), file.mapping());
 *     CsvReadSummary summary = file.readRows((row, errors) -> preview.add(row, errors), progress::set);
 * }
 * }</pre>
 */
public final class CsvReader {

    private final Clock clock;
    private final CsvLimits limits;

    public CsvReader(Clock clock) {
        this(clock, CsvLimits.defaults());
    }

    public CsvReader(Clock clock, CsvLimits limits) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Reads the upload, at most the size limit, and opens it.
     *
     * @throws CsvFileException when the file as a whole cannot be imported
     */
    public CsvFile open(InputStream in, CsvDialectOverrides overrides) throws IOException {
        return open(readAtMostLimit(in), overrides);
    }

    /**
     * Opens a file already in memory: checks its content, guesses what {@code overrides} leaves
     * open, and maps the header.
     *
     * @param overrides the user's choices; {@code null} or {@link CsvDialectOverrides#none()} to guess everything
     * @throws CsvFileException when the file as a whole cannot be imported
     */
    public CsvFile open(byte[] content, CsvDialectOverrides overrides) {
        if (content.length > limits.maxBytes()) {
            throw tooLarge();
        }
        CsvContent.check(content);
        CsvDialect dialect = CsvFormatDetection.detect(content, overrides == null ? CsvDialectOverrides.none() : overrides);
        return new CsvFile(content, dialect, clock, limits);
    }

    /**
     * One full pass: open, then hand every row to {@code rows}.
     *
     * @throws CsvFileException when the file as a whole cannot be imported
     */
    public CsvReadSummary read(byte[] content, CsvDialectOverrides overrides, RowConsumer rows,
            ProgressListener progress) {
        try (CsvFile file = open(content, overrides)) {
            return file.readRows(rows, progress);
        }
    }

    private byte[] readAtMostLimit(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > limits.maxBytes()) {
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private CsvFileException tooLarge() {
        return new CsvFileException(CsvProblem.TOO_LARGE, "importing.problem.file.too_large",
                describeBytes(limits.maxBytes()));
    }

    private static String describeBytes(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
