package com.mspscorecard.importing.raw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small raw exports written to a test's temporary folder. */
final class RawFiles {

    private RawFiles() {
    }

    static Path csv(Path folder, String content) {
        return bytes(folder, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path bytes(Path folder, byte[] content) {
        try {
            Path file = Files.createTempFile(folder, "export", ".bin");
            Files.write(file, content);
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Opens {@code content} as CSV, recognises its layout and aggregates it. */
    static AggregationResult aggregate(Path folder, String content, SourceSettings settings, DateOrder order,
            AggregationScope scope) throws RawFileException {
        try (RawTable table = RawExportReader.open(csv(folder, content), RawLimits.defaults())) {
            ColumnMapping mapping = Layouts.recognise(table.headers()).mapping();
            return Aggregation.aggregate(table, mapping, settings, order, scope, TicketClients.NONE);
        }
    }
}
