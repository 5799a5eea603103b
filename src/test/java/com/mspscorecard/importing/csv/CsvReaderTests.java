package com.mspscorecard.importing.csv;

import com.mspscorecard.importing.csv.CsvFixtures.Result;
import com.mspscorecard.metrics.Metric;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static com.mspscorecard.importing.csv.CsvFixtures.read;
import static com.mspscorecard.importing.csv.CsvFixtures.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

class CsvReaderTests {

    private static final CsvReader READER = new CsvReader(CsvFixtures.CLOCK);

    // --- the file as a whole -------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nothing                | ''
            only blank lines       | '\\n  \\r\\n\\n'
            """)
    void refusesAnEmptyFile(String variant, String csv) {
        assertRefused(csv.replace("\\n", "\n").replace("\\r", "\r").getBytes(StandardCharsets.UTF_8), "file.empty");
    }

    @Test
    void refusesAFileThatIsOnlyAByteOrderMark() {
        assertRefused(CsvFixtures.withUtf8Bom(""), "file.empty");
    }

    @Test
    void refusesBinaryContentWhateverTheFileIsCalled() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, 'x', 'l', '/'};
        byte[] noisy = new byte[600];
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] = (byte) (i % 3 == 0 ? 0x01 : 'a');
        }

        assertRefused(zip, "file.binary");
        assertRefused(noisy, "file.binary");
        assertThatThrownBy(() -> READER.open(zip, null)).hasMessageContaining("save it as \"CSV UTF-8\"");
    }

    @Test
    void refusesUtf16SayingHowToSaveTheFileInstead() {
        byte[] content = "\uFEFFclient\tmonth\nAcme\t2026-01\n".getBytes(StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> READER.open(content, null))
                .has(code("file.binary"))
                .hasMessageContaining("UTF-16");
    }

    @Test
    void aWindows1252FileMostlyOfAccentedLettersIsStillText() {
        // Most bytes of the first KB are above 0x7F: text all the same, not binary.
        String name = "àèéìòùÀÈÉÌÒÙçÇ€".repeat(8);
        Result result = read("client,month\n" + name + ",2026-01\nx" + name + ",2026-02\n",
                CsvFormatDetection.WINDOWS_1252);

        assertThat(result.rows()).extracting(CsvRow::client).containsExactly(name, "x" + name);
    }

    @Test
    void refusesAFileWithAHeaderButNoRows() {
        assertRefused("client,month,revenue\r\n\r\n".getBytes(StandardCharsets.UTF_8), "file.header_only");
    }

    @Test
    void refusesAFileLargerThanTheLimitWithoutReadingItAll() {
        CsvReader reader = new CsvReader(CsvFixtures.CLOCK, CsvLimits.defaults().withMaxBytes(1024));
        byte[] row = "Acme,2026-01\n".getBytes(StandardCharsets.UTF_8);
        // Never ends: reading it all would never return.
        InputStream endless = new InputStream() {
            private long position;

            @Override
            public int read() {
                return row[(int) (position++ % row.length)];
            }
        };

        assertThatThrownBy(() -> reader.open(endless, null))
                .isInstanceOf(CsvFileException.class)
                .has(code("file.too_large"))
                .hasMessageContaining("larger than 1 KB");
        assertThatThrownBy(() -> reader.open(new byte[1025], null))
                .has(code("file.too_large"));
    }

    @Test
    void acceptsAFileExactlyAtTheSizeLimit() throws Exception {
        byte[] content = "client,month\nAcme,2026-01\n".getBytes(StandardCharsets.UTF_8);
        CsvReader reader = new CsvReader(CsvFixtures.CLOCK, CsvLimits.defaults().withMaxBytes(content.length));

        try (CsvFile file = reader.open(new ByteArrayInputStream(content), null)) {
            assertThat(file.readRows((row, errors) -> { }, null).rows()).isEqualTo(1);
        }
    }

    @Test
    void refusesMoreRowsThanTheLimitButNotExactlyTheLimit() {
        String header = "client,month\n";
        CsvLimits threeRows = CsvLimits.defaults().withMaxRows(3);

        Result atLimit = read((header + "A,2026-01\nB,2026-01\n\nC,2026-01\n").getBytes(StandardCharsets.UTF_8),
                CsvDialectOverrides.none(), threeRows);
        assertThat(atLimit.summary().rows()).isEqualTo(3);

        assertThatThrownBy(() -> read((header + "A,2026-01\nB,2026-01\nC,2026-01\nD,2026-01\n")
                .getBytes(StandardCharsets.UTF_8), CsvDialectOverrides.none(), threeRows))
                .isInstanceOf(CsvFileException.class)
                .has(code("file.too_many_rows"))
                .hasMessageContaining("more than 3 data rows");
    }

    @Test
    void refusesAnUnclosedQuoteNamingTheLineItStartsOn() {
        String csv = "client,month\nAcme,2026-01\n\"Beta,2026-01\nGamma,2026-01\n";

        assertThatThrownBy(() -> read(csv))
                .isInstanceOf(CsvFileException.class)
                .has(code("file.malformed"))
                .hasMessageStartingWith("Line 3 ");
    }

    @Test
    void givesDialectAndMappingBeforeAnyRowIsRead() {
        byte[] content = "Client;Month;Revenue;Notes\nAcme;2026-01;12,50;x\n".getBytes(StandardCharsets.UTF_8);
        List<CsvRow> rows = new ArrayList<>();

        try (CsvFile file = READER.open(content, CsvDialectOverrides.none())) {
            assertThat(file.dialect().delimiter()).isEqualTo(';');
            assertThat(file.mapping().ignoredColumns()).containsExactly("Notes");
            assertThat(rows).isEmpty();
            file.readRows((row, errors) -> rows.add(row), null);
            assertThatThrownBy(() -> file.readRows((row, errors) -> { }, null)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(rows).hasSize(1);
    }

    // --- what spreadsheets write ---------------------------------------------------------------

    @Test
    void readsUtf8WithByteOrderMark() {
        Result result = read(CsvFixtures.withUtf8Bom("client,month,new_tickets\nSocietà Srl,2026-01,4\n"),
                CsvDialectOverrides.none());

        assertThat(result.errors()).isEmpty();
        assertThat(result.row(0).client()).isEqualTo("Società Srl");
        assertThat(result.row(0).values()).containsEntry(Metric.NEW_TICKETS, count(4));
    }

    @Test
    void readsWindows1252() {
        Result result = read("client;month;revenue\r\nSocietà Cooperativa “Il Ponte”;2026-01;1234,00\r\nCafé;2026-01;12,50\r\n",
                CsvFormatDetection.WINDOWS_1252);

        assertThat(result.dialect().encoding()).isEqualTo(CsvFormatDetection.WINDOWS_1252);
        assertThat(result.errors()).isEmpty();
        assertThat(result.rows()).extracting(CsvRow::client).containsExactly("Società Cooperativa “Il Ponte”", "Café");
        assertThat(result.row(0).values()).containsEntry(Metric.REVENUE, money("1234.00"));
    }

    @Test
    void readsSemicolonsWithDecimalCommas() {
        Result result = read("client;month;revenue;hours_spent;new_tickets\nAcme;2026-01;1250,5;12,25;7\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.row(0).values()).containsExactly(
                entry(Metric.NEW_TICKETS, count(7)),
                entry(Metric.REVENUE, money("1250.50")),
                entry(Metric.HOURS_SPENT, money("12.25")));
    }

    @Test
    void readsTabs() {
        Result result = read("client\tmonth\trevenue\nAcme, Inc.\t2026-01\t99.90\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.row(0).client()).isEqualTo("Acme, Inc.");
        assertThat(result.row(0).values()).containsEntry(Metric.REVENUE, money("99.90"));
    }

    @Test
    void readsQuotedDelimitersQuotesAndNewlinesKeepingPhysicalLineNumbers() {
        String csv = "client,month,new_tickets\r\n"
                + "\"Smith, Jones \"\"& Sons\"\"\",2026-01,1\r\n"
                + "\"Two\r\nLines Ltd\",2026-01,2\r\n"
                + "\r\n"
                + "Last,2026-01,x\r\n";

        Result result = read(csv);

        assertThat(result.rows()).extracting(CsvRow::client)
                .containsExactly("Smith, Jones \"& Sons\"", "Two\r\nLines Ltd", "Last");
        assertThat(result.rows()).extracting(CsvRow::line).containsExactly(2L, 3L, 6L);
        assertThat(result.onlyError().line()).isEqualTo(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n"})
    void readsLfAndCrlfAlike(String newline) {
        Result result = read(String.join(newline, "client,month,revenue", "Acme,2026-01,5", "Beta,2026-02,", ""));

        assertThat(result.errors()).isEmpty();
        assertThat(result.rows()).extracting(CsvRow::client).containsExactly("Acme", "Beta");
        assertThat(result.row(1).values()).containsExactly(entry(Metric.REVENUE, CellValue.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2026-03,     2026-03",
            "2026-3,      2026-03",
            "2026-03-31,  2026-03",
            "03/2026,     2026-03",
            "3/2026,      2026-03",
    })
    void readsTheThreeMonthFormats(String written, YearMonth expected) {
        Result result = read("client,month\nAcme," + written + "\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.row(0).month()).isEqualTo(expected);
    }

    @Test
    void readsHeaderVariantsAndIgnoresUnknownColumns() {
        Result result = read("Customer Notes,CLIENT,Month,New Tickets,late-payments,AVG_DAYS_TO_PAY\n"
                + "VIP,Acme,2026-01,3,0,31.5\n");

        assertThat(result.mapping().ignoredColumns()).containsExactly("Customer Notes");
        assertThat(result.errors()).isEmpty();
        assertThat(result.row(0).values()).containsExactly(
                entry(Metric.NEW_TICKETS, count(3)),
                entry(Metric.LATE_PAYMENTS, count(0)),
                entry(Metric.AVG_DAYS_TO_PAY, money("31.50")));
    }

    // --- cells -------------------------------------------------------------------------------

    @Test
    void anAbsentColumnIsAbsentAndAnEmptyCellClears() {
        Result result = read("client,month,revenue,new_tickets\nAcme,2026-01,,4\n");

        assertThat(result.row(0).values())
                .containsOnlyKeys(Metric.REVENUE, Metric.NEW_TICKETS)
                .containsEntry(Metric.REVENUE, CellValue.empty())
                .containsEntry(Metric.NEW_TICKETS, count(4));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            new_tickets  | -3        | new_tickets cannot be negative.
            revenue      | -0.01     | revenue cannot be negative.
            new_tickets  | three     | "three" is not a number; new_tickets needs a whole number such as 12.
            revenue      | €12       | "€12" is not a number; revenue needs a number such as 12.50.
            revenue      | 1e3       | "1e3" is not a number
            new_tickets  | 2.5       | new_tickets must be a whole number, not "2.5".
            revenue      | 12.3456   | revenue can have at most 2 decimals; "12.3456" has more.
            revenue      | 12.345    | "12.345" can be read two ways: write 12345 for the whole number, or 12.345 for the decimal.
            revenue      | 2.500     | "2.500" can be read two ways: write 2500 for the whole number, or 2.5 for the decimal.
            revenue      | 1,250     | "1,250" can be read two ways: write 1250 for the whole number, or 1.25 for the decimal.
            revenue      | 1.234,50  | "1.234,50" is not a number; revenue needs a number such as 12.50.
            revenue      | 1,23,4    | "1,23,4" is not a number
            hours_spent  | 0.125     | hours_spent can have at most 2 decimals
            revenue      | 12,50     | "12,50" uses ',' as decimal separator, but this file's decimal separator is '.': write 12.50
            revenue      | 1234567890123 | "1234567890123" is too large for revenue: the most it can hold is 999999999999.99.
            avg_days_to_pay | 1000000 | "1000000" is too large for avg_days_to_pay: the most it can hold is 999999.99.
            """)
    void refusesBadNumbersWithAMessageSayingWhatToWrite(String column, String value, String message) {
        Result result = read("client,month," + column + "\nAcme,2026-01,\"" + value + "\"\n");

        CellError error = result.onlyError();
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(column);
        assertThat(error.value()).isEqualTo(value);
        assertThat(error.message()).startsWith(message);
        assertThat(result.row(0).values()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "9", "0.", "1.0" })
    void aCellOfFifteenMillionDigitsIsRefusedAtOnceAndEchoedShort(String start) {
        String digits = start + (start.contains(".") ? "0".repeat(15_000_000) + "1" : "9".repeat(15_000_000));

        CellError error = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> read("client,month,revenue\nAcme,2026-01," + digits + "\n").onlyError());

        assertThat(error.code()).isIn("importing.problem.value.too_large", "importing.problem.value.decimals");
        assertThat(error.value()).hasSize(CellError.MAX_ECHO + 1).endsWith("…");
        assertThat(error.message()).hasSizeLessThan(400);
    }

    /** A ; file with decimal commas (Excel in Italian): its dots can only be grouping. */
    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            revenue     | 2.500,00     | 2500.00
            revenue     | 2.480,50     | 2480.50
            revenue     | 1.234.567,89 | 1234567.89
            revenue     | 2.500        | 2500.00
            new_tickets | 1.234        | 1234
            revenue     | 1 234,5      | 1234.50
            """)
    void acceptsThousandsDotsWhereTheFileUsesDecimalCommas(String column, String value, BigDecimal expected) {
        Result result = read("client;month;" + column + "\nAcme;2025-12;1\nBeta;2026-01;" + value + "\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.row(1).values().get(Metric.byFieldName(column).orElseThrow()).value()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            1,234.50 | "1,234.50" is not a number; revenue needs a number such as 12,50.
            2,500    | "2,500" can be read two ways: write 2500 for the whole number, or 2,5 for the decimal.
            12.50    | "12.50" uses '.' as decimal separator, but this file's decimal separator is ','
            """)
    void refusesDotsWhereTheFileUsesDecimalCommas(String value, String message) {
        Result result = read("client;month;revenue\nAcme;2026-01;1,5\nBeta;2026-01;" + value + "\n");

        assertThat(result.onlyError().message()).startsWith(message);
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            new_tickets     | 0      | 0
            new_tickets     | 3.00   | 3
            revenue         | 1200   | 1200.00
            revenue         | .5     | 0.50
            revenue         | 7.     | 7.00
            avg_days_to_pay | 31.5   | 31.50
            revenue         | '"1,234.50"'     | 1234.50
            revenue         | '"1,234,567.89"' | 1234567.89
            revenue         | 1 234            | 1234.00
            new_tickets     | '"1,234"'        | 1234
            """)
    void acceptsNumbersAndGivesThemTheirMetricsScale(String column, String value, BigDecimal expected) {
        Result result = read("client,month," + column + "\nAcme,2026-01," + value + "\n");

        assertThat(result.errors()).isEmpty();
        BigDecimal read = result.row(0).values().get(Metric.byFieldName(column).orElseThrow()).value();
        assertThat(read).isEqualTo(expected);
        assertThat(read.scale()).isEqualTo(expected.scale());
    }

    @Test
    void refusesMonthsInTheFutureButNotTheCurrentMonth() {
        Result result = read("client,month\nAcme,2026-06\nAcme,2026-07\n");

        assertThat(result.row(0).month()).isEqualTo(CsvFixtures.CURRENT_MONTH);
        assertThat(result.row(1).month()).isNull();
        assertThat(result.onlyError()).isEqualTo(new CellError(3, "month", "2026-07",
                "2026-07 is in the future; the latest month that can be imported is 2026-06.",
                "importing.problem.month.future", List.of("2026-07", "2026-06")));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            2026-13     | "2026-13" is not a month written as YYYY-MM.
            2026-02-30  | "2026-02-30" is not a month written as YYYY-MM. It looks like YYYY-MM-DD
            03/2026     | "03/2026" is not a month written as YYYY-MM. It looks like MM/YYYY: choose that month format for the file.
            March 2026  | "March 2026" is not a month written as YYYY-MM.
            """)
    void refusesMonthsNotInTheFilesFormat(String value, String message) {
        byte[] content = ("client,month\nAcme," + value + "\n").getBytes(StandardCharsets.UTF_8);

        Result result = read(content, CsvDialectOverrides.none().withMonthFormat(MonthFormat.YEAR_MONTH));

        assertThat(result.onlyError().message()).startsWith(message);
    }

    @Test
    void refusesRowsWithoutClientOrMonthButStillReportsThem() {
        Result result = read("client,month,new_tickets\n  ,2026-01,1\nAcme, ,2\n");

        assertThat(result.rows()).hasSize(2);
        assertThat(result.errors()).containsExactly(
                new CellError(2, "client", "  ", "The client is missing.", "importing.problem.client.missing", List.of()),
                new CellError(3, "month", " ", "The month is missing.", "importing.problem.month.missing", List.of()));
        assertThat(result.row(0).values()).containsEntry(Metric.NEW_TICKETS, count(1));
        assertThat(result.summary()).isEqualTo(new CsvReadSummary(2, 2, 2));
    }

    @Test
    void refusesARowWithTooFewValues() {
        Result result = read("client,month,new_tickets,revenue\nAcme,2026-01,3\nBeta,2026-01,3,4,,\n");

        assertThat(result.onlyError().line()).isEqualTo(2);
        assertThat(result.onlyError().message()).startsWith("This row has 3 values but the header has 4 columns.");
        assertThat(result.row(1).values()).hasSize(2);
    }

    @Test
    void collectsEveryErrorOfEveryRow() {
        Result result = read("client,month,new_tickets,revenue\nAcme,2030-01,-1,x\nBeta,2026-01,1,2\n,,1.5,\n");

        assertThat(result.errors()).extracting(CellError::line, CellError::column)
                .containsExactly(
                        tuple(2L, "month"),
                        tuple(2L, "new_tickets"),
                        tuple(2L, "revenue"),
                        tuple(4L, "client"),
                        tuple(4L, "month"),
                        tuple(4L, "new_tickets"));
        assertThat(result.summary()).isEqualTo(new CsvReadSummary(3, 2, 6));
    }

    @Test
    void refusesTheSecondRowForTheSameClientAndMonthNamingTheFirst() {
        Result result = read("client,month\nAcme,2026-01\nBeta,2026-01\nAcme,2026-02\n  ACME ,2026-01\n");

        assertThat(result.rows()).hasSize(4);
        assertThat(result.onlyError()).isEqualTo(new CellError(5, "client", "ACME",
                "ACME already has a row for 2026-01 on line 2; keep only one.", "importing.problem.row.duplicate",
                List.of("ACME", "2026-01", "2")));
    }

    @Test
    void twoDatesInTheSameMonthAreTheSameMonth() {
        Result result = read("client,month\nAcme,2026-01-01\nAcme,2026-01-31\n");

        assertThat(result.dialect().monthFormat()).isEqualTo(MonthFormat.DATE);
        assertThat(result.onlyError().line()).isEqualTo(3);
        assertThat(result.onlyError().message()).contains("on line 2");
    }

    // --- big files ----------------------------------------------------------------------------

    @Test
    void reportsProgressWhileReading() {
        StringBuilder csv = new StringBuilder("client,month,new_tickets\n");
        for (int i = 0; i < 2_500; i++) {
            csv.append("Client ").append(i).append(",2026-01,").append(i % 10).append('\n');
        }
        List<Long> progress = new ArrayList<>();
        CsvReader reader = new CsvReader(CsvFixtures.CLOCK, CsvLimits.defaults().withProgressInterval(1_000));

        CsvReadSummary summary = reader.read(csv.toString().getBytes(StandardCharsets.UTF_8), null,
                (row, errors) -> { }, progress::add);

        assertThat(summary).isEqualTo(new CsvReadSummary(2_500, 0, 0));
        assertThat(progress).containsExactly(1_000L, 2_000L, 2_500L);
    }

    @Test
    void streamsTheLargestAllowedFile() {
        byte[] content = largestAllowedFile();
        assertThat((long) content.length).isLessThanOrEqualTo(CsvLimits.DEFAULT_MAX_BYTES);
        long[] seen = new long[2];

        CsvReadSummary summary = READER.read(content, null, (row, errors) -> {
            seen[0]++;
            seen[1] = row.line();
        }, null);

        assertThat(summary).isEqualTo(new CsvReadSummary(200_000, 0, 0));
        assertThat(seen).containsExactly(200_000, 200_001);
    }

    @Test
    void tenThousandRowsArriveInOrderWithTheirPhysicalLinesAcrossBlankLinesAndQuotedNewlines() {
        StringBuilder csv = new StringBuilder("client,month,new_tickets\n");
        List<Long> expectedLines = new ArrayList<>();
        long line = 1;
        for (int i = 0; i < 10_000; i++) {
            if (i % 97 == 0) {
                csv.append("\n");
                line++;
            }
            expectedLines.add(++line);
            if (i % 131 == 0) {
                csv.append("\"Client\n").append(i).append("\",2026-01,").append(i).append('\n');
                line++;
            } else {
                csv.append("Client ").append(i).append(",2026-01,").append(i).append('\n');
            }
        }
        List<Long> lines = new ArrayList<>();
        List<BigDecimal> tickets = new ArrayList<>();

        CsvReadSummary summary = READER.read(csv.toString().getBytes(StandardCharsets.UTF_8), null, (row, errors) -> {
            lines.add(row.line());
            tickets.add(row.values().get(Metric.NEW_TICKETS).value());
        }, null);

        assertThat(summary.rows()).isEqualTo(10_000);
        assertThat(lines).isEqualTo(expectedLines);
        for (int i = 0; i < tickets.size(); i++) {
            assertThat(tickets.get(i)).isEqualByComparingTo(BigDecimal.valueOf(i));
        }
    }

    @Test
    void anUnclosedQuoteFarIntoTheFileComesAfterTheRowsBeforeIt() {
        StringBuilder csv = new StringBuilder("client,month\n");
        for (int i = 0; i < 6_000; i++) {
            csv.append("Client ").append(i).append(",2026-01\n");
        }
        csv.append("\"Broken,2026-01\nMore,2026-01\n");
        long[] seen = new long[1];

        assertThatThrownBy(() -> READER.read(csv.toString().getBytes(StandardCharsets.UTF_8), null,
                (row, errors) -> seen[0]++, null))
                .isInstanceOf(CsvFileException.class)
                .has(code("file.malformed"))
                .hasMessageStartingWith("Line 6002 ");
        assertThat(seen[0]).isEqualTo(6_000);
    }

    /** 200,000 rows of every column: distinct client and month pairs, realistic widths. */
    private static byte[] largestAllowedFile() {
        StringBuilder csv = new StringBuilder(16 * 1024 * 1024);
        csv.append(String.join(",", CsvExport.header())).append("\r\n");
        for (int i = 0; i < 200_000; i++) {
            YearMonth month = YearMonth.of(2010, 1).plusMonths(i % 180);
            csv.append("Client ").append(i / 180).append(',').append(month);
            for (Metric metric : Metric.values()) {
                csv.append(',').append(metric.kind() == Metric.Kind.COUNT ? "12" : "1234.5");
            }
            csv.append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRefused(byte[] content, String code) {
        assertThatThrownBy(() -> READER.open(content, CsvDialectOverrides.none()))
                .isInstanceOf(CsvFileException.class)
                .has(code(code));
    }

    private static CellValue count(long value) {
        return CellValue.of(BigDecimal.valueOf(value));
    }

    private static CellValue money(String value) {
        return CellValue.of(new BigDecimal(value));
    }
}
