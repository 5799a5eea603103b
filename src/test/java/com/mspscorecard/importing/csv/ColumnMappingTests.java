package com.mspscorecard.importing.csv;

import com.mspscorecard.metrics.Metric;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static com.mspscorecard.importing.csv.CsvFixtures.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnMappingTests {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({
            "new_tickets,      new_tickets",
            "New Tickets,      new_tickets",
            "new-tickets,      new_tickets",
            "NEWTICKETS,       new_tickets",
            "' New_Tickets ',  new_tickets",
            "Avg Days To Pay,  avg_days_to_pay",
            "Client,           client",
            "MONTH,            month",
            "Delivery-Cost,    delivery_cost",
    })
    void matchesHeaderVariants(String header, String field) {
        assertThat(ColumnMapping.fieldFor(header)).contains(field);
    }

    @Test
    void everyMetricFieldNameMapsToItsMetric() {
        List<String> headers = CsvExport.header();

        ColumnMapping mapping = ColumnMapping.of(headers);

        assertThat(mapping.columnByMetric()).hasSize(Metric.values().length);
        for (Metric metric : Metric.values()) {
            assertThat(headers.get(mapping.columnByMetric().get(metric))).isEqualTo(metric.fieldName());
        }
    }

    @Test
    void listsUnknownColumnsAndMapsTheRest() {
        ColumnMapping mapping = ColumnMapping.of(List.of("Notes", "Client", "Month", "Revenue", "Account Manager", ""));

        assertThat(mapping.ignoredColumns()).containsExactly("Notes", "Account Manager");
        assertThat(mapping.mappedColumns()).containsExactly(Map.entry(1, "client"), Map.entry(2, "month"),
                Map.entry(3, "revenue"));
        assertThat(mapping.metricColumns()).containsExactly(Map.entry(3, Metric.REVENUE));
    }

    @Test
    void refusesAHeaderWithoutClient() {
        assertThatThrownBy(() -> ColumnMapping.of(List.of("customer", "month", "revenue")))
                .isInstanceOf(CsvFileException.class)
                .has(code("header.missing_client"))
                .hasMessageContaining("no \"client\" column")
                .hasMessageContaining("customer");
    }

    @Test
    void refusesAHeaderWithoutMonth() {
        assertThatThrownBy(() -> ColumnMapping.of(List.of("client", "period", "revenue")))
                .isInstanceOf(CsvFileException.class)
                .has(code("header.missing_month"))
                .hasMessageContaining("no \"month\" column");
    }

    @Test
    void refusesTwoColumnsForTheSameField() {
        assertThatThrownBy(() -> ColumnMapping.of(List.of("client", "month", "New Tickets", "new_tickets")))
                .isInstanceOf(CsvFileException.class)
                .has(code("header.duplicate_column"))
                .hasMessageContaining("Columns 3 (\"New Tickets\") and 4 (\"new_tickets\") both hold new_tickets");
    }
}
