package com.mspscorecard.importing.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mspscorecard.importing.csv.CsvFormatDetection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RawExportReaderTests {

    @TempDir
    Path folder;

    @Test
    void readsASemicolonCsvWithAByteOrderMarkAndDecimalCommas() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "Invoice;Customer;Total\n1;Società Srl;1.234,50\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(body, 0, content, bom.length, body.length);

        try (RawTable table = RawExportReader.open(RawFiles.bytes(folder, content), RawLimits.defaults())) {
            assertThat(table.headers()).containsExactly("Invoice", "Customer", "Total");
            assertThat(table.format()).isEqualTo("csv ; UTF-8");
            assertThat(table.decimalSeparator()).isEqualTo(',');
            assertThat(rows(table)).containsExactly(new RawRow(2, List.of("1", "Società Srl", "1.234,50")));
        }
    }

    @Test
    void readsWindows1252WhenAByteIsNotUtf8EvenFarIntoTheFile() throws Exception {
        StringBuilder csv = new StringBuilder("Client,Opened\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append("Client ").append(i).append(",2026-03-01\n");
        }
        csv.append("Café Zürich,2026-03-02\n");

        try (RawTable table = RawExportReader.open(RawFiles.bytes(folder, csv.toString().getBytes(CsvFormatDetection.WINDOWS_1252)),
                RawLimits.defaults())) {
            assertThat(table.format()).isEqualTo("csv , windows-1252");
            assertThat(rows(table).get(5_000).cells()).containsExactly("Café Zürich", "2026-03-02");
        }
    }

    @Test
    void lineNumbersAreThoseAPersonSeesAcrossBlankLinesAndQuotedLineBreaks() throws Exception {
        Path file = RawFiles.csv(folder, "Client,Opened,Note\n\nAcme,2026-03-01,\"two\nlines\"\n,,\nBeta,2026-03-02,x\n");

        try (RawTable table = RawExportReader.open(file, RawLimits.defaults())) {
            List<RawRow> rows = rows(table);
            assertThat(rows).extracting(RawRow::line).containsExactly(3L, 6L);
            // Each pass reads from the start again.
            assertThat(rows(table)).isEqualTo(rows);
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                        | psa.file.blank
            '\n\n'                    | psa.file.blank
            'Client,Opened\n'         | psa.file.headerOnly
            'Client,Opened\n"Acme,2026-03-01\n' | psa.file.malformed
            """)
    void refusesFilesWithoutData(String content, String code) {
        assertThatThrownBy(() -> RawExportReader.open(RawFiles.csv(folder, content.replace("\\n", "\n")), RawLimits.defaults()))
                .isInstanceOfSatisfying(RawFileException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void refusesAFileLargerThanTheLimitAndBinaryContent() {
        assertThatThrownBy(() -> RawExportReader.open(RawFiles.csv(folder, "Client,Opened\nAcme,2026-03-01\n"),
                new RawLimits(10, 10)))
                .isInstanceOfSatisfying(RawFileException.class, e -> assertThat(e.code()).isEqualTo("psa.file.tooLarge"));
        assertThatThrownBy(() -> RawExportReader.open(RawFiles.bytes(folder, new byte[] {'a', 0, 'b', '\n', 'c'}),
                RawLimits.defaults()))
                .isInstanceOfSatisfying(RawFileException.class, e -> assertThat(e.code()).isEqualTo("psa.file.notText"));
    }

    @Test
    void aMalformedLineIsReportedWithItsNumberWhileStreaming() throws Exception {
        Path file = RawFiles.csv(folder, "Client,Opened\nAcme,2026-03-01\nBeta,\"2026\"x\n");

        try (RawTable table = RawExportReader.open(file, RawLimits.defaults())) {
            assertThatThrownBy(() -> rows(table)).isInstanceOfSatisfying(RawFileException.Unchecked.class,
                    e -> assertThat(e.getCause().code()).isEqualTo("psa.file.malformed"));
        }
    }

    private static List<RawRow> rows(RawTable table) {
        try (Stream<RawRow> rows = table.rows()) {
            return rows.toList();
        }
    }

    static byte[] concat(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part);
        }
        return out.toByteArray();
    }
}
