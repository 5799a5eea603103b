package com.mspscorecard.importing.raw;

import java.util.List;
import java.util.stream.Stream;

/** An opened raw export: its header row, and its data rows streamed from the file on disk. */
public interface RawTable extends AutoCloseable {

    List<String> headers();

    /** How the file was read, shown to the user: {@code csv ; UTF-8}, {@code xlsx}. */
    String format();

    /**
     * Streams the data rows once, in order, without holding them; each call reads from the start again.
     * The stream must be closed. A file that turns out malformed or too large while streaming throws
     * {@link RawFileException.Unchecked} carrying the {@link RawFileException}.
     */
    Stream<RawRow> rows();

    /** The decimal separator the file's amounts are written with: detected for CSV, {@code .} for xlsx numbers. */
    default char decimalSeparator() {
        return '.';
    }

    @Override
    void close();
}
