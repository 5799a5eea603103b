package com.mspscorecard.importing.csv;

import com.mspscorecard.metrics.Metric;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;

/** The CSV file offered for download on the import page: every column, and one example row. */
public final class CsvTemplate {

    public static final String EXAMPLE_CLIENT = "Example Dental Practice";

    private CsvTemplate() {
    }

    /** The template, with last month as the example so that it imports as it is. */
    public static String text(Clock clock) {
        return text(YearMonth.now(clock).minusMonths(1));
    }

    public static String text(YearMonth exampleMonth) {
        return text(exampleMonth, CsvExport.Spreadsheet.COMMA);
    }

    /** The template in one of the two dialects, with last month as the example. */
    public static String text(Clock clock, CsvExport.Spreadsheet spreadsheet) {
        return text(YearMonth.now(clock).minusMonths(1), spreadsheet);
    }

    public static String text(YearMonth exampleMonth, CsvExport.Spreadsheet spreadsheet) {
        StringWriter out = new StringWriter();
        try (CsvExport export = new CsvExport(out, spreadsheet)) {
            export.row(EXAMPLE_CLIENT, exampleMonth, exampleValues());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    /** Plausible figures for a 40-seat client, so the example reads like a real month. */
    static Map<Metric, BigDecimal> exampleValues() {
        Map<Metric, BigDecimal> values = new EnumMap<>(Metric.class);
        values.put(Metric.NEW_TICKETS, new BigDecimal("34"));
        values.put(Metric.REOPENED_TICKETS, new BigDecimal("2"));
        values.put(Metric.ADMIN_REQUESTS, new BigDecimal("6"));
        values.put(Metric.ESCALATIONS, new BigDecimal("0"));
        values.put(Metric.INVOICES_ISSUED, new BigDecimal("2"));
        values.put(Metric.DISPUTED_INVOICES, new BigDecimal("0"));
        values.put(Metric.LATE_PAYMENTS, new BigDecimal("1"));
        values.put(Metric.AVG_DAYS_TO_PAY, new BigDecimal("32.50"));
        values.put(Metric.REVENUE, new BigDecimal("4200.00"));
        values.put(Metric.DELIVERY_COST, new BigDecimal("2650.00"));
        values.put(Metric.HOURS_SPENT, new BigDecimal("41.25"));
        values.put(Metric.RECOMMENDATIONS_MADE, new BigDecimal("3"));
        values.put(Metric.RECOMMENDATIONS_IMPLEMENTED, new BigDecimal("2"));
        values.put(Metric.RECOMMENDATIONS_IGNORED, new BigDecimal("1"));
        values.put(Metric.SECURITY_INCIDENTS, new BigDecimal("0"));
        values.put(Metric.ENDPOINTS, new BigDecimal("40"));
        return values;
    }
}
