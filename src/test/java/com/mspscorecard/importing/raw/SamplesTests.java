package com.mspscorecard.importing.raw;

import static com.mspscorecard.metrics.Metric.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.mspscorecard.metrics.Metric;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every sample export reads, is recognised as its layout, and aggregates without a problem into the figures it was made for. */
class SamplesTests {

    private static final YearMonth AUG = YearMonth.of(2026, 8);
    private static final YearMonth SEP = YearMonth.of(2026, 9);
    private static final YearMonth OCT = YearMonth.of(2026, 10);

    @TempDir
    Path folder;

    @Test
    void thereIsASamplePerPresetAndKindAndEachIsAPresetLayout() {
        assertThat(Samples.all()).extracting(Samples.Sample::id).containsExactlyInAnyOrderElementsOf(
                Layouts.presets().stream().map(Layout::id).toList());
        assertThat(Samples.byId("syncro-invoices")).map(Samples.Sample::fileName).contains("syncro-invoices.csv");
    }

    @Test
    void everySampleAggregatesWithoutProblemsOverThreeWholeMonths() throws Exception {
        Map<String, ClientKey> tickets = new HashMap<>();
        for (Samples.Sample sample : Samples.all()) {
            AggregationResult result = aggregate(sample, tickets);

            assertThat(result.problems()).as(sample.id()).isEmpty();
            assertThat(result.duplicateCount()).as(sample.id()).isZero();
            assertThat(result.months()).as(sample.id()).containsExactly(AUG, SEP, OCT);
            assertThat(result.cutShortMonths()).as(sample.id()).isEmpty();
            assertThat(result.figures()).as(sample.id()).hasSizeGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void invoiceSamplesCarryACreditNoteAHardwareInvoiceADisputeAndLatePayers() throws Exception {
        AggregationResult cw = aggregate(Samples.byId("connectwise-invoices").orElseThrow(), new HashMap<>());

        assertThat(values(cw, "Alpine Dental Group", SEP)).containsEntry(REVENUE, "2240.00").containsEntry(INVOICES_ISSUED, "1");
        assertThat(values(cw, "Brightwater Logistics", SEP)).containsEntry(REVENUE, "5150.50").containsEntry(INVOICES_ISSUED, "2");
        assertThat(values(cw, "Chaos Events", SEP)).containsEntry(DISPUTED_INVOICES, "1");
        assertThat(values(cw, "Chaos Events", OCT)).containsEntry(LATE_PAYMENTS, "1");
        assertThat(values(cw, "Slowpay Trading", OCT)).containsEntry(LATE_PAYMENTS, "1");
        assertThat(values(cw, "Slowpay Trading", AUG)).containsEntry(LATE_PAYMENTS, "0");
        assertThat(cw.incompletePaymentMonths()).containsExactly(AUG, SEP);

        // With a paid date, Slowpay's August invoice paid on 19 September is late in August, and in the average.
        AggregationResult generic = aggregate(Samples.byId("generic-invoices").orElseThrow(), new HashMap<>());
        assertThat(values(generic, "Slowpay Trading", AUG)).containsEntry(LATE_PAYMENTS, "1");
        assertThat(values(generic, "Slowpay Trading", SEP)).containsEntry(AVG_DAYS_TO_PAY, "49.00");
        assertThat(values(generic, "Alpine Dental Group", SEP)).containsEntry(REVENUE, "2240.00");
    }

    @Test
    void ticketSamplesCarryASecurityBoardAndAReopenedTicket() throws Exception {
        for (String id : List.of("connectwise-tickets", "halopsa-tickets", "generic-tickets")) {
            AggregationResult result = aggregate(Samples.byId(id).orElseThrow(), new HashMap<>());

            assertThat(total(result, SECURITY_INCIDENTS)).as(id).isPositive();
            assertThat(total(result, REOPENED_TICKETS)).as(id).isEqualByComparingTo("1");
            assertThat(total(result, NEW_TICKETS)).as(id).isEqualByComparingTo("52");
        }
    }

    @Test
    void autotaskTimeTakesItsClientsFromAutotaskTickets() throws Exception {
        Map<String, ClientKey> tickets = new HashMap<>();
        aggregate(Samples.byId("autotask-tickets").orElseThrow(), tickets);

        AggregationResult time = aggregate(Samples.byId("autotask-time").orElseThrow(), tickets);
        AggregationResult connectwise = aggregate(Samples.byId("connectwise-time").orElseThrow(), tickets);

        assertThat(time.figures()).containsKey(new ClientKey(null, "29684301"));
        assertThat(total(time, HOURS_SPENT)).isEqualTo(total(connectwise, HOURS_SPENT)).isPositive();
    }

    private AggregationResult aggregate(Samples.Sample sample, Map<String, ClientKey> tickets) throws Exception {
        Path file = folder.resolve(sample.fileName());
        try (InputStream in = sample.open()) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (RawTable table = RawExportReader.open(file, RawLimits.defaults())) {
            Recognition recognition = Layouts.recognise(table.headers());
            assertThat(recognition.layout().id()).isEqualTo(sample.id());
            DateOrderGuess guess = DateOrderDetection.guess(table, recognition.mapping());
            assertThat(guess.ambiguous()).as(sample.id()).isFalse();
            TicketClients known = new TicketClients() {
                @Override
                public Optional<String> clientOf(String ticketId) {
                    return Optional.empty();
                }

                @Override
                public Optional<ClientKey> clientKeyOf(String ticketId) {
                    return Optional.ofNullable(tickets.get(ticketId));
                }
            };
            return Aggregation.aggregate(table, recognition.mapping(), SourceSettings.defaults(), guess.order().orElseThrow(),
                    AggregationScope.whole(), known, tickets::put);
        }
    }

    private static Map<Metric, String> values(AggregationResult result, String client, YearMonth month) {
        Map<Metric, String> values = new HashMap<>();
        result.figures().get(new ClientKey(client, null)).get(month).values().forEach((k, v) -> values.put(k, v.toPlainString()));
        return values;
    }

    private static BigDecimal total(AggregationResult result, Metric metric) {
        return result.figures().values().stream().flatMap(m -> m.values().stream())
                .map(f -> f.value(metric).orElse(BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
