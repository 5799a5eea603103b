package com.mspscorecard.importing.raw;

import com.mspscorecard.importing.csv.CsvDialect;
import com.mspscorecard.importing.csv.CsvDialectOverrides;
import com.mspscorecard.importing.csv.CsvFormatDetection;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A CSV raw export. The dialect is guessed by the snapshot import's {@link CsvFormatDetection} from the first
 * 64 KB, the encoding from the whole file (streamed: UTF-8 when every byte is, otherwise Windows-1252).
 * Slightly over 250 lines because the row iterator and the streamed UTF-8 check live here with it.
 */
final class CsvTable implements RawTable {

    private static final int SAMPLE_BYTES = 64 * 1024;

    private final Path file;
    private final RawLimits limits;
    private final CsvDialect dialect;
    private final List<String> headers;

    private CsvTable(Path file, RawLimits limits, CsvDialect dialect, List<String> headers) {
        this.file = file;
        this.limits = limits;
        this.dialect = dialect;
        this.headers = headers;
    }

    static CsvTable open(Path file, RawLimits limits) throws RawFileException {
        try {
            byte[] sample;
            try (InputStream in = Files.newInputStream(file)) {
                sample = in.readNBytes(SAMPLE_BYTES);
            }
            if (sample.length == SAMPLE_BYTES) {
                // The detection judges whole lines only: cut the sample after its last line break.
                int end = sample.length;
                while (end > 0 && sample[end - 1] != '\n') {
                    end--;
                }
                sample = end > 0 ? java.util.Arrays.copyOf(sample, end) : sample;
            }
            for (byte b : sample) {
                if (b == 0) {
                    throw new RawFileException("psa.file.notText");
                }
            }
            Charset encoding = isUtf8(file) ? StandardCharsets.UTF_8 : CsvFormatDetection.WINDOWS_1252;
            CsvDialect dialect = CsvFormatDetection.detect(sample, CsvDialectOverrides.none().withEncoding(encoding));
            CsvTable table = new CsvTable(file, limits, dialect, List.of());
            List<String> headers;
            try (Records records = table.records()) {
                if (!records.hasNext()) {
                    throw new RawFileException("psa.file.blank");
                }
                headers = records.next().cells().stream().map(String::strip).toList();
                if (!records.hasNext()) {
                    throw new RawFileException("psa.file.headerOnly");
                }
            }
            catch (RawFileException.Unchecked ex) {
                throw ex.getCause();
            }
            return new CsvTable(file, limits, dialect, headers);
        }
        catch (IOException ex) {
            throw new RawFileException(ex, "psa.file.unreadable");
        }
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public String format() {
        String delimiter = dialect.delimiter() == CsvDialect.TAB ? "tab" : String.valueOf(dialect.delimiter());
        return "csv " + delimiter + " " + dialect.encoding().name();
    }

    @Override
    public char decimalSeparator() {
        return dialect.decimalSeparator();
    }

    @Override
    public Stream<RawRow> rows() {
        Records records;
        try {
            records = records();
        }
        catch (IOException ex) {
            throw new RawFileException.Unchecked(new RawFileException(ex, "psa.file.unreadable"));
        }
        if (records.hasNext()) {
            records.next();
        }
        Iterator<RawRow> limited = new Iterator<>() {
            private long count;

            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public RawRow next() {
                if (++count > limits.maxRows()) {
                    throw new RawFileException.Unchecked(new RawFileException("psa.file.tooManyRows", limits.maxRows()));
                }
                return records.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(limited, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(records::close);
    }

    @Override
    public void close() {
        // Nothing held open between passes: each pass opens and closes the file.
    }

    private Records records() throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (StandardCharsets.UTF_8.equals(dialect.encoding())) {
            in.mark(3);
            byte[] bom = in.readNBytes(3);
            if (bom.length < 3 || bom[0] != (byte) 0xEF || bom[1] != (byte) 0xBB || bom[2] != (byte) 0xBF) {
                in.reset();
            }
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(dialect.delimiter())
                // Blank lines stay records so that line numbers stay physical; they are skipped below.
                .setIgnoreEmptyLines(false).get();
        return new Records(CSVParser.parse(new InputStreamReader(in, dialect.encoding()), format));
    }

    /** The non-blank records of one pass, with the physical line each starts on. */
    private static final class Records implements Iterator<RawRow>, AutoCloseable {

        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private long linesBefore;
        private RawRow pending;

        Records(CSVParser parser) {
            this.parser = parser;
            this.records = parser.iterator();
        }

        @Override
        public boolean hasNext() {
            if (pending == null) {
                pending = nextNonBlank();
            }
            return pending != null;
        }

        @Override
        public RawRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            RawRow row = pending;
            pending = null;
            return row;
        }

        private RawRow nextNonBlank() {
            try {
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    long line = linesBefore + 1;
                    linesBefore = parser.getCurrentLineNumber();
                    if (!isBlank(record)) {
                        return new RawRow(line, record.toList());
                    }
                }
                return null;
            }
            catch (UncheckedIOException | IllegalStateException ex) {
                throw new RawFileException.Unchecked(new RawFileException(ex, "psa.file.malformed", linesBefore + 1));
            }
        }

        private static boolean isBlank(CSVRecord record) {
            for (int i = 0; i < record.size(); i++) {
                if (!record.get(i).isBlank()) {
                    return false;
                }
            }
            return true;
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
    }

    /** Whether the whole file is valid UTF-8, decoded in blocks so that memory does not grow with it. */
    private static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        try (InputStream stream = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = stream.read(buffer, 0, in.remaining())) > 0) {
                in.put(buffer, 0, n);
                in.flip();
                CoderResult result = decoder.decode(in, out, false);
                if (result.isError()) {
                    return false;
                }
                in.compact();
                out.clear();
            }
            in.flip();
            CoderResult result = decoder.decode(in, out, true);
            return !result.isError() && !decoder.flush(out).isError() && !in.hasRemaining();
        }
    }
}
