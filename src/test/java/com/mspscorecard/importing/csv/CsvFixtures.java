package com.mspscorecard.importing.csv;

import org.assertj.core.api.Condition;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads CSV text in tests the way the import will, collecting what comes out. */
final class CsvFixtures {

    /** "Now" is mid-June 2026: 2026-06 is importable, 2026-07 is the future. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
    static final YearMonth CURRENT_MONTH = YearMonth.of(2026, 6);

    private CsvFixtures() {
    }

    record Result(CsvDialect dialect, ColumnMapping mapping, List<CsvRow> rows, List<CellError> errors,
            CsvReadSummary summary) {

        CsvRow row(int index) {
            return rows.get(index);
        }

        CellError onlyError() {
            if (errors.size() != 1) {
                throw new AssertionError("Expected exactly one error, got " + errors);
            }
            return errors.get(0);
        }
    }

    static Result read(String csv) {
        return read(csv.getBytes(StandardCharsets.UTF_8), CsvDialectOverrides.none());
    }

    static Result read(String csv, Charset charset) {
        return read(csv.getBytes(charset), CsvDialectOverrides.none());
    }

    static Result read(byte[] content, CsvDialectOverrides overrides) {
        return read(content, overrides, CsvLimits.defaults());
    }

    static Result read(byte[] content, CsvDialectOverrides overrides, CsvLimits limits) {
        List<CsvRow> rows = new ArrayList<>();
        List<CellError> errors = new ArrayList<>();
        try (CsvFile file = new CsvReader(CLOCK, limits).open(content, overrides)) {
            CsvReadSummary summary = file.readRows((row, rowErrors) -> {
                rows.add(row);
                errors.addAll(rowErrors);
            }, ProgressListener.NONE);
            return new Result(file.dialect(), file.mapping(), rows, errors, summary);
        }
    }

    /** For {@code assertThatThrownBy(...).has(code("file.empty"))}. */
    static Condition<Throwable> code(String code) {
        return new Condition<>(ex -> ex instanceof CsvFileException file && file.code().equals(code), "code " + code);
    }

    static byte[] withUtf8Bom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[body.length + 3];
        content[0] = (byte) 0xEF;
        content[1] = (byte) 0xBB;
        content[2] = (byte) 0xBF;
        System.arraycopy(body, 0, content, 3, body.length);
        return content;
    }
}
