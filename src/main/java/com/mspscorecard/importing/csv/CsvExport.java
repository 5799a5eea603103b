package com.mspscorecard.importing.csv;

import com.mspscorecard.metrics.Metric;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes snapshots as CSV in the import's own format: the template's header, {@code YYYY-MM}
 * months, plain numbers, empty cells for "no data", in one of two {@linkplain Spreadsheet dialects}:
 * {@code ,} with decimal points, or {@code ;} with decimal commas as Excel writes in Italian. A
 * file exported and imported again changes nothing.
 * <p>
 * Text that a spreadsheet would run as a formula (starting with {@code = + - @}, their full-width
 * forms {@code ＝ ＋ － ＠}, tab or CR) is prefixed with {@code '}; the import strips that prefix
 * again. Numbers are never altered.
 */
public final class CsvExport implements AutoCloseable {

    /**
     * The full-width signs too: input methods and autocorrect turn them into the ASCII ones on the
     * way into a spreadsheet, so {@code ＝cmd()} is treated as just as dangerous as {@code =cmd()}.
     */
    private static final String FORMULA_TRIGGERS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    /** The two ways the files are written: what English spreadsheets and Excel in Italian read and write. */
    public enum Spreadsheet {
        /** {@code ,} between values, {@code .} before decimals: {@code 4200.50}. */
        COMMA(',', '.'),
        /** {@code ;} between values, {@code ,} before decimals: {@code 4200,50}, with a UTF-8 BOM so Excel reads accents. */
        EXCEL_ITALIAN(';', ',');

        private final char delimiter;
        private final char decimal;

        Spreadsheet(char delimiter, char decimal) {
            this.delimiter = delimiter;
            this.decimal = decimal;
        }

        /** {@code excel-it} for {@link #EXCEL_ITALIAN}; anything else is {@link #COMMA}. */
        public static Spreadsheet named(String name) {
            return "excel-it".equals(name) ? EXCEL_ITALIAN : COMMA;
        }
    }

    private final CSVPrinter printer;
    private final Spreadsheet spreadsheet;

    /** Starts a {@code ,} file on {@code out}, writing the header row. Closing flushes and closes {@code out}. */
    public CsvExport(Appendable out) throws IOException {
        this(out, Spreadsheet.COMMA);
    }

    /** Starts a file in {@code spreadsheet}'s dialect on {@code out}, writing the header row. */
    public CsvExport(Appendable out, Spreadsheet spreadsheet) throws IOException {
        this.spreadsheet = spreadsheet;
        if (spreadsheet == Spreadsheet.EXCEL_ITALIAN) {
            out.append('\uFEFF');
        }
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setDelimiter(spreadsheet.delimiter).get());
        printer.printRecord(header());
    }

    /** {@code client}, {@code month}, then every metric in {@link Metric} order. */
    public static List<String> header() {
        List<String> header = new ArrayList<>();
        header.add(ColumnMapping.CLIENT);
        header.add(ColumnMapping.MONTH);
        for (Metric metric : Metric.values()) {
            header.add(metric.fieldName());
        }
        return List.copyOf(header);
    }

    /** One snapshot; a metric missing from {@code values} is written as an empty cell. */
    public void row(String client, YearMonth month, Map<Metric, BigDecimal> values) throws IOException {
        List<String> cells = new ArrayList<>(Metric.values().length + 2);
        cells.add(neutraliseFormula(client));
        cells.add(month.toString());
        for (Metric metric : Metric.values()) {
            BigDecimal value = values.get(metric);
            cells.add(value == null ? "" : value.toPlainString().replace('.', spreadsheet.decimal));
        }
        printer.printRecord(cells);
    }

    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }

    /** Text as it is safe to hand to a spreadsheet: {@code =cmd()} becomes {@code '=cmd()}. */
    public static String neutraliseFormula(String text) {
        if (text == null || text.isEmpty() || FORMULA_TRIGGERS.indexOf(text.charAt(0)) < 0) {
            return text;
        }
        return "'" + text;
    }

    /** Undoes {@link #neutraliseFormula}: strips one {@code '} only where it was added. */
    static String restoreNeutralised(String text) {
        if (text.length() >= 2 && text.charAt(0) == '\'' && FORMULA_TRIGGERS.indexOf(text.charAt(1)) >= 0) {
            return text.substring(1);
        }
        return text;
    }
}
