package com.mspscorecard.importing.raw;

import static com.mspscorecard.metrics.Metric.NEW_TICKETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxReadingTests {

    @TempDir
    Path folder;

    @Test
    void readsAWorkbookWithDatesAsSerialsAndAsTextNumbersBooleansAndGaps() throws Exception {
        Path file = workbook();

        try (RawTable table = RawExportReader.open(file, RawLimits.defaults())) {
            assertThat(table.format()).isEqualTo("xlsx");
            assertThat(table.headers()).containsExactly("id", "company", "board", "dateEntered", "closedDate", "total",
                    "billable");
            assertThat(rows(table)).containsExactly(
                    new RawRow(2, List.of("1", "Acme Dental", "Security", "2026-03-02", "2026-03-05T14:30", "1234.5", "TRUE")),
                    new RawRow(3, List.of("2", "Acme Dental", "", "25/03/2026", "", "0.1", "FALSE")),
                    new RawRow(5, List.of("3", "Chaos Events", "Service Desk", "2026-03-31")));
        }
    }

    @Test
    void aggregatesAWorkbookLikeTheSameCsv() throws Exception {
        try (RawTable table = RawExportReader.open(workbook(), RawLimits.defaults())) {
            Recognition recognition = Layouts.recognise(table.headers());
            DateOrderGuess guess = DateOrderDetection.guess(table, recognition.mapping());

            AggregationResult result = Aggregation.aggregate(table, recognition.mapping(), SourceSettings.defaults(),
                    guess.order().orElseThrow(), AggregationScope.whole(), TicketClients.NONE);

            assertThat(recognition.layout().id()).isEqualTo("connectwise-tickets");
            assertThat(guess.order()).contains(DateOrder.DAY_FIRST);
            assertThat(result.figures().get(new ClientKey("Acme Dental", null)).get(YearMonth.of(2026, 3)).values())
                    .containsEntry(NEW_TICKETS, new BigDecimal(2));
            assertThat(result.problems()).isEmpty();
        }
    }

    @Test
    void readsDatesOfAWorkbookCountingFrom1904() throws Exception {
        Path file = Files.createTempFile(folder, "mac", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            (workbook.getCTWorkbook().isSetWorkbookPr() ? workbook.getCTWorkbook().getWorkbookPr()
                    : workbook.getCTWorkbook().addNewWorkbookPr()).setDate1904(true);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = workbook.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("Opened");
            // 44624 days after 1 January 1904 is 5 March 2026 (46086 in the 1900 system).
            sheet.createRow(1).createCell(0).setCellValue(44624);
            sheet.getRow(1).getCell(0).setCellStyle(date);
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }

        try (RawTable table = RawExportReader.open(file, RawLimits.defaults())) {
            assertThat(rows(table)).containsExactly(new RawRow(2, List.of("2026-03-05")));
        }
    }

    @Test
    void refusesAZipBombBeforeInflatingIt() throws Exception {
        Path bomb = replaceSheet(workbook(), out -> {
            out.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 40; i++) {
                out.write(spaces);
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });

        assertRefused(bomb, "psa.file.zipBomb");
    }

    @Test
    void refusesAnExternalEntityWithoutReadingIt() throws Exception {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "TOP-SECRET");
        Path xxe = replaceSheet(workbook(), out -> out.write(("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "%s">]>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="A1" t="inlineStr"><is><t>client</t></is></c><c r="B1" t="inlineStr"><is><t>opened</t></is></c></row>
                <row r="2"><c r="A2" t="inlineStr"><is><t>&xxe;</t></is></c><c r="B2" t="inlineStr"><is><t>2026-03-01</t></is></c></row>
                </sheetData></worksheet>""".formatted(secret.toUri())).getBytes(StandardCharsets.UTF_8)));

        assertRefused(xxe, "psa.file.xlsxDoctype");
    }

    @Test
    void refusesEncryptedWorkbooksAndLegacyXlsWithTheirOwnCodes() throws Exception {
        assertRefused(ole2("EncryptionInfo"), "psa.file.encrypted");
        assertRefused(ole2("Workbook"), "psa.file.legacyXls");
    }

    @Test
    void refusesAZipThatIsNoWorkbook() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertRefused(RawFiles.bytes(folder, bytes.toByteArray()), "psa.file.notWorkbook");
    }

    @Test
    void refusesAWorkbookWithMoreRowsThanTheLimitWhileStreaming() throws Exception {
        try (RawTable table = RawExportReader.open(workbook(), new RawLimits(1_000_000, 2))) {
            assertThatThrownBy(() -> rows(table)).isInstanceOfSatisfying(RawFileException.Unchecked.class,
                    e -> assertThat(e.getCause().code()).isEqualTo("psa.file.tooManyRows"));
        }
    }

    private void assertRefused(Path file, String code) {
        assertThatThrownBy(() -> {
            try (RawTable table = RawExportReader.open(file, RawLimits.defaults())) {
                rows(table);
            }
        }).satisfies(e -> {
            RawFileException raw = e instanceof RawFileException.Unchecked u ? u.getCause() : (RawFileException) e;
            assertThat(raw.code()).isEqualTo(code);
            assertThat(String.valueOf(raw.getMessage())).doesNotContain("TOP-SECRET");
        });
    }

    /** A ConnectWise tickets sheet: a date cell, a date-time cell, a text date, numbers, booleans, a blank row. */
    private Path workbook() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Tickets");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Row header = sheet.createRow(0);
            String[] names = {"id", "company", "board", "dateEntered", "closedDate", "total", "billable"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue(1);
            first.createCell(1).setCellValue("Acme Dental");
            first.createCell(2).setCellValue("Security");
            first.createCell(3).setCellValue(java.time.LocalDate.of(2026, 3, 2));
            first.getCell(3).setCellStyle(date);
            first.createCell(4).setCellValue(LocalDateTime.of(2026, 3, 5, 14, 30));
            first.getCell(4).setCellStyle(dateTime);
            first.createCell(5).setCellValue(1234.5);
            first.createCell(6).setCellValue(true);
            Row second = sheet.createRow(2);
            second.createCell(0).setCellValue(2);
            second.createCell(1).setCellValue("Acme Dental");
            second.createCell(3).setCellValue("25/03/2026");
            second.createCell(5).setCellValue(0.1);
            second.createCell(6).setCellValue(false);
            sheet.createRow(3).createCell(1).setCellValue(" ");
            Row third = sheet.createRow(4);
            third.createCell(0).setCellValue(3);
            third.createCell(1).setCellValue("Chaos Events");
            third.createCell(2).setCellValue("Service Desk");
            third.createCell(3).setCellValue("2026-03-31");
            Path file = Files.createTempFile(folder, "tickets", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            return file;
        }
    }

    private interface Content {
        void write(OutputStream out) throws IOException;
    }

    /** The same workbook with its first sheet's XML replaced. */
    private Path replaceSheet(Path workbook, Content sheet) throws IOException {
        Path file = Files.createTempFile(folder, "changed", ".xlsx");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(workbook));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet.write(out);
                }
                else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return file;
    }

    private Path ole2(String entry) throws IOException {
        Path file = Files.createTempFile(folder, "ole2", ".xls");
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[64]), entry);
            fs.writeFilesystem(out);
        }
        return file;
    }

    private static List<RawRow> rows(RawTable table) {
        try (Stream<RawRow> rows = table.rows()) {
            return rows.toList();
        }
    }
}
