package com.mspscorecard.importing.csv;

import com.mspscorecard.importing.csv.CsvFixtures.Result;
import com.mspscorecard.metrics.Metric;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportTests {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            =HYPERLINK("http://x")  | '=HYPERLINK("http://x")
            +39 055 123             | '+39 055 123
            -Acme                   | '-Acme
            @SUM(A1)                | '@SUM(A1)
            ＝HYPERLINK("http://x") | '＝HYPERLINK("http://x")
            ＋39 055 123            | '＋39 055 123
            －Acme                  | '－Acme
            ＠SUM(A1)               | '＠SUM(A1)
            Acme = Best             | Acme = Best
            O'Brien Ltd             | O'Brien Ltd
            'quoted'                | 'quoted'
            """)
    void neutralisesTextThatASpreadsheetWouldRunAsAFormula(String text, String expected) {
        assertThat(CsvExport.neutraliseFormula(text)).isEqualTo(expected);
    }

    @Test
    void neutralisesLeadingTabAndCarriageReturn() {
        assertThat(CsvExport.neutraliseFormula("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(CsvExport.neutraliseFormula("\r=1+1")).isEqualTo("'\r=1+1");
    }

    @Test
    void writesNumbersAsNumbersAndFormulaLikeClientsAsText() throws Exception {
        StringWriter out = new StringWriter();
        try (CsvExport export = new CsvExport(out)) {
            export.row("=cmd|'/c calc'!A1", YearMonth.of(2026, 1),
                    Map.of(Metric.REVENUE, new BigDecimal("-12.50"), Metric.NEW_TICKETS, new BigDecimal("1E+3")));
        }

        String row = out.toString().lines().skip(1).findFirst().orElseThrow();
        assertThat(row).startsWith("'=cmd|'/c calc'!A1,2026-01,1000,");
        assertThat(row).contains(",-12.50,");
    }

    @Test
    void exportedSnapshotsReadBackUnchanged() throws Exception {
        Map<String, Map<Metric, BigDecimal>> snapshots = new LinkedHashMap<>();
        snapshots.put("-Acme", values(Metric.NEW_TICKETS, "12", Metric.REVENUE, "1234.50"));
        snapshots.put("=Formula Corp", values(Metric.AVG_DAYS_TO_PAY, "31.25", Metric.ENDPOINTS, "0"));
        snapshots.put("Smith, Jones \"& Sons\"", CsvTemplate.exampleValues());
        snapshots.put("Società\nSecond Line", values(Metric.HOURS_SPENT, "0.50"));
        snapshots.put("@home", values());
        snapshots.put("＝HYPERLINK(\"http://x\")", values(Metric.ESCALATIONS, "1"));
        snapshots.put("＠home", values());
        StringWriter out = new StringWriter();
        try (CsvExport export = new CsvExport(out)) {
            for (var snapshot : snapshots.entrySet()) {
                export.row(snapshot.getKey(), YearMonth.of(2026, 3), snapshot.getValue());
            }
        }

        Result result = CsvFixtures.read(out.toString());

        assertThat(result.errors()).isEmpty();
        assertThat(result.mapping().ignoredColumns()).isEmpty();
        assertThat(result.rows()).extracting(CsvRow::client).containsExactlyElementsOf(snapshots.keySet());
        int i = 0;
        for (Map<Metric, BigDecimal> written : snapshots.values()) {
            CsvRow row = result.row(i++);
            assertThat(row.month()).isEqualTo(YearMonth.of(2026, 3));
            for (Metric metric : Metric.values()) {
                CellValue read = row.values().get(metric);
                // Every column is exported, so a metric without a value comes back as "clear", not "untouched".
                assertThat(read).as(metric.fieldName()).isNotNull();
                assertThat(read.value()).as(metric.fieldName()).isEqualTo(written.get(metric));
            }
        }
    }

    @Test
    void theTemplateImportsAsItIsWithEveryColumn() {
        String template = CsvTemplate.text(CsvFixtures.CLOCK);

        Result result = CsvFixtures.read(template);

        assertThat(template.lines().findFirst().orElseThrow())
                .isEqualTo("client,month,new_tickets,reopened_tickets,admin_requests,escalations,invoices_issued,"
                        + "disputed_invoices,late_payments,avg_days_to_pay,revenue,delivery_cost,hours_spent,"
                        + "recommendations_made,recommendations_implemented,recommendations_ignored,security_incidents,endpoints");
        assertThat(result.errors()).isEmpty();
        assertThat(result.rows()).hasSize(1);
        assertThat(result.row(0).client()).isEqualTo(CsvTemplate.EXAMPLE_CLIENT);
        assertThat(result.row(0).month()).isEqualTo(CsvFixtures.CURRENT_MONTH.minusMonths(1));
        assertThat(result.row(0).values()).hasSize(Metric.values().length)
                .allSatisfy((metric, value) -> assertThat(value.isEmpty()).as(metric.fieldName()).isFalse());
    }

    @Test
    void theTemplateIsPlainAsciiSoEveryEncodingGuessReadsIt() {
        String template = CsvTemplate.text(YearMonth.of(2026, 1));

        assertThat(StandardCharsets.US_ASCII.newEncoder().canEncode(template)).isTrue();
    }

    private static Map<Metric, BigDecimal> values(Object... metricsAndValues) {
        Map<Metric, BigDecimal> values = new EnumMap<>(Metric.class);
        for (int i = 0; i < metricsAndValues.length; i += 2) {
            values.put((Metric) metricsAndValues[i], new BigDecimal((String) metricsAndValues[i + 1]));
        }
        return values;
    }
}
