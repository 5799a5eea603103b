package com.mspscorecard.importing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.mspscorecard.importing.csv.CellError;

/**
 * A finished preview's rows in a temporary file, so that a preview waiting for its confirmation
 * (up to two hours, 200,000 rows, several users) costs disk, not heap. Each row is one record,
 * its length and kind first, so that a page of one kind skips the others without decoding them.
 */
final class ParkedRows {

    private final Path file;

    private ParkedRows(Path file) {
        this.file = file;
    }

    static ParkedRows write(List<PreviewRow> rows) {
        Path file = null;
        try {
            file = Files.createTempFile("scorecard-import-preview-", ".rows");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                ByteArrayOutputStream record = new ByteArrayOutputStream(512);
                DataOutputStream fields = new DataOutputStream(record);
                for (PreviewRow row : rows) {
                    record.reset();
                    encode(row, fields);
                    fields.flush();
                    out.writeInt(record.size());
                    out.writeByte(row.kind.ordinal());
                    record.writeTo(out);
                }
            }
            return new ParkedRows(file);
        }
        catch (IOException ex) {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                }
                catch (IOException ignored) {
                    // Nothing more to do: the temporary directory is the operating system's to clean.
                }
            }
            throw new UncheckedIOException("Parking an import preview failed", ex);
        }
    }

    /** Hands every row of {@code kind} (every row when null), in file order, to {@code rows}. */
    void forEach(PreviewRow.Kind kind, Consumer<PreviewRow> rows) {
        read(kind, 0, Long.MAX_VALUE, rows);
    }

    /** The rows of {@code kind} (all when null) from position {@code from}, at most {@code count}. */
    List<PreviewRow> read(PreviewRow.Kind kind, long from, int count) {
        List<PreviewRow> rows = new ArrayList<>(Math.min(count, 1000));
        read(kind, from, count, rows::add);
        return rows;
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ignored) {
            // A leftover temporary file is harmless; the next start-up of the OS cleans it.
        }
    }

    private void read(PreviewRow.Kind kind, long from, long count, Consumer<PreviewRow> rows) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024))) {
            long matching = 0;
            long handed = 0;
            while (handed < count) {
                int length;
                try {
                    length = in.readInt();
                }
                catch (EOFException end) {
                    return;
                }
                PreviewRow.Kind rowKind = PreviewRow.Kind.values()[in.readByte()];
                if ((kind != null && rowKind != kind) || matching++ < from) {
                    in.skipNBytes(length);
                    continue;
                }
                rows.accept(decode(in, rowKind));
                handed++;
            }
        }
        catch (java.nio.file.NoSuchFileException discarded) {
            // Replaced by a newer preview or a commit of the same upload while this page was drawn.
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Reading a parked import preview failed", ex);
        }
    }

    private static void encode(PreviewRow row, DataOutputStream out) throws IOException {
        out.writeLong(row.line);
        string(out, row.client);
        out.writeInt(row.month == null ? -1 : row.month.getYear() * 12 + row.month.getMonthValue() - 1);
        out.writeLong(row.clientId);
        string(out, row.clientName);
        out.writeLong(row.snapshotId);
        out.writeInt(row.version);
        longs(out, row.values);
        longs(out, row.stored);
        out.writeInt(row.errorCount);
        out.writeInt(row.errors.size());
        for (CellError error : row.errors) {
            out.writeLong(error.line());
            string(out, error.column());
            string(out, error.value());
            string(out, error.message());
            string(out, error.code());
            out.writeInt(error.args().size());
            for (Object arg : error.args()) {
                string(out, arg == null ? null : String.valueOf(arg));
            }
        }
    }

    private static PreviewRow decode(DataInputStream in, PreviewRow.Kind kind) throws IOException {
        long line = in.readLong();
        String client = string(in);
        int month = in.readInt();
        long clientId = in.readLong();
        String clientName = string(in);
        long snapshotId = in.readLong();
        int version = in.readInt();
        long[] values = longs(in);
        long[] stored = longs(in);
        int errorCount = in.readInt();
        int kept = in.readInt();
        List<CellError> errors = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            long errorLine = in.readLong();
            String column = string(in);
            String value = string(in);
            String message = string(in);
            String code = string(in);
            int argCount = in.readInt();
            List<Object> args = new ArrayList<>(argCount);
            for (int a = 0; a < argCount; a++) {
                args.add(string(in));
            }
            errors.add(new CellError(errorLine, column, value, message, code, args));
        }
        PreviewRow row = new PreviewRow(line, client, month < 0 ? null : YearMonth.of(month / 12, month % 12 + 1),
                values, List.copyOf(errors));
        row.errorCount = errorCount;
        row.clientId = clientId;
        row.clientName = clientName;
        row.snapshotId = snapshotId;
        row.version = version;
        row.stored = stored;
        row.kind = kind;
        return row;
    }

    private static void string(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void longs(DataOutputStream out, long[] values) throws IOException {
        if (values == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(values.length);
        for (long value : values) {
            out.writeLong(value);
        }
    }

    private static long[] longs(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        long[] values = new long[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readLong();
        }
        return values;
    }
}
