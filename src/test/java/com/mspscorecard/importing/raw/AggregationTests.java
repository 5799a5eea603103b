package com.mspscorecard.importing.raw;

import static com.mspscorecard.metrics.Metric.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mspscorecard.importing.raw.SourceSettings.Category;
import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AggregationTests {

    private static final ClientKey ACME = new ClientKey("Acme", null);
    private static final ClientKey BETA = new ClientKey("Beta", null);
    private static final YearMonth JAN = YearMonth.of(2026, 1);
    private static final YearMonth FEB = YearMonth.of(2026, 2);
    private static final YearMonth MAR = YearMonth.of(2026, 3);
    private static final YearMonth APR = YearMonth.of(2026, 4);
    private static final YearMonth MAY = YearMonth.of(2026, 5);

    @TempDir
    Path folder;

    @Test
    void ticketsCountInTheMonthOpenedWithTheCategoriesTheSettingsAssign() throws Exception {
        AggregationResult result = aggregate("""
                id,company,board,status,type,priority,dateEntered
                1,Acme,Service Desk,Closed,Incident,Medium,2026-03-02T09:00:00Z
                2,Acme,Security,Closed,Incident,High,2026-03-10
                3,Acme,SERVICE DESK,Re-opened,admin,Escalated,2026-03-31T23:30:00Z
                4,Beta,Service Desk,Closed,Incident,Medium,2026-04-01
                5,Beta,Security,Closed,Escalation,Medium,2026-04-30
                """);

        assertThat(result.producedFields()).containsExactly(NEW_TICKETS, REOPENED_TICKETS, ADMIN_REQUESTS, ESCALATIONS,
                SECURITY_INCIDENTS);
        assertThat(figures(result, ACME, MAR)).isEqualTo(Map.of(NEW_TICKETS, 3, REOPENED_TICKETS, 1, ADMIN_REQUESTS, 1,
                ESCALATIONS, 1, SECURITY_INCIDENTS, 1));
        assertThat(figures(result, ACME, APR)).isEqualTo(Map.of(NEW_TICKETS, 0, REOPENED_TICKETS, 0, ADMIN_REQUESTS, 0,
                ESCALATIONS, 0, SECURITY_INCIDENTS, 0));
        // One ticket, two categories: each counts once.
        assertThat(figures(result, BETA, APR)).isEqualTo(Map.of(NEW_TICKETS, 2, REOPENED_TICKETS, 0, ADMIN_REQUESTS, 0,
                ESCALATIONS, 1, SECURITY_INCIDENTS, 1));
        assertThat(result.months()).containsExactly(MAR, APR);
        assertThat(result.cutShortMonths()).isEmpty();
        assertThat(result.distinctValues()).containsEntry("board:Service Desk", 2L).containsEntry("board:Security", 2L);
        assertThat(result.rows()).isEqualTo(5);
    }

    @Test
    void aReopenCountOrFlagColumnDecidesReopenedOverTheStatus() throws Exception {
        AggregationResult result = aggregate("""
                Ticket,Client,Opened,Status,Reopened
                1,Acme,2026-03-02,Reopened,0
                2,Acme,2026-03-12,Closed,2
                3,Acme,2026-03-13,Closed,yes
                4,Acme,2026-03-30,Closed,
                """);

        assertThat(figures(result, ACME, MAR)).containsEntry(REOPENED_TICKETS, 2);
    }

    @Test
    void aTicketsFileProducesOnlyTheFieldsItsColumnsAndSettingsAllow() throws Exception {
        AggregationResult result = aggregate("""
                Customer,Created
                Acme,2026-03-02
                Acme,2026-03-30
                """);

        assertThat(result.producedFields()).containsExactly(NEW_TICKETS);
        assertThat(figures(result, ACME, MAR)).isEqualTo(Map.of(NEW_TICKETS, 2));
    }

    /**
     * A1 paid six days late (due 4 Feb): late in February, 39 days to pay in February. A2 paid on time in March.
     * A3 unpaid, due 17 March, passed within the export: late in March. A4 unpaid, due in April after the export:
     * not late. A5 a credit note: revenue only.
     */
    @Test
    void invoicesCountLatePaymentsInTheMonthTheyFellDueAndDaysToPayInTheMonthPaid() throws Exception {
        AggregationResult result = aggregate("""
                Invoice,Client,Invoice date,Due date,Total,Paid date
                A1,Acme,2026-01-02,2026-02-04,100.00,2026-02-10
                A2,Acme,2026-02-01,2026-03-03,200.00,2026-03-01
                A3,Acme,2026-02-15,2026-03-17,300.00,
                A4,Acme,2026-03-20,2026-04-19,50.00,
                A5,Acme,2026-03-31,2026-03-31,-40.00,2026-03-31
                """);

        assertThat(result.producedFields()).containsExactly(INVOICES_ISSUED, LATE_PAYMENTS, AVG_DAYS_TO_PAY, REVENUE);
        assertThat(result.months()).containsExactly(JAN, FEB, MAR);
        assertThat(money(result, ACME, JAN)).isEqualTo(Map.of(INVOICES_ISSUED, "1", LATE_PAYMENTS, "0", REVENUE, "100.00"));
        assertThat(money(result, ACME, FEB)).isEqualTo(Map.of(INVOICES_ISSUED, "2", LATE_PAYMENTS, "1",
                AVG_DAYS_TO_PAY, "39.00", REVENUE, "500.00"));
        assertThat(money(result, ACME, MAR)).isEqualTo(Map.of(INVOICES_ISSUED, "1", LATE_PAYMENTS, "1",
                AVG_DAYS_TO_PAY, "28.00", REVENUE, "10.00"));
    }

    @Test
    void unpaidPastDueAtTheMonthsEndIsLateEvenWithoutAPaymentColumnButABalance() throws Exception {
        AggregationResult result = aggregate("""
                invoiceNumber,company,date,dueDate,total,balance
                1,Acme,2026-03-01,2026-03-31,100.00,100.00
                2,Acme,2026-03-02,2026-03-16,100.00,0.00
                3,Acme,2026-03-31,2026-04-30,100.00,100.00
                """);

        // 1 is unpaid and due on the last day within the export: late; 2 is paid (date unknown): not late.
        assertThat(money(result, ACME, MAR)).containsEntry(LATE_PAYMENTS, "1").doesNotContainKey(AVG_DAYS_TO_PAY);
    }

    @Test
    void creditNotesAreNegativeRevenueAndExcludedTypesAreLeftOutOfRevenueOnly() throws Exception {
        AggregationResult result = aggregate("""
                invoiceNumber,company,type,status,date,dueDate,total,balance
                1,Acme,Agreement,Paid,2026-03-01,2026-03-31,1000.00,0
                2,Acme,Hardware,Paid,2026-03-05,2026-04-04,1899.00,0
                3,Acme,Credit Memo,Applied,2026-03-10,2026-03-10,240.00,0
                4,Acme,Agreement,Disputed,2026-03-30,2026-04-29,500.00,500
                """);

        assertThat(money(result, ACME, MAR)).isEqualTo(Map.of(INVOICES_ISSUED, "3", REVENUE, "1260.00",
                DISPUTED_INVOICES, "1", LATE_PAYMENTS, "0"));
    }

    @Test
    void paymentMonthsWithoutEnoughEarlierInvoicesAreIncomplete() throws Exception {
        String invoices = """
                Invoice,Client,Invoice date,Due date,Total,Paid date
                1,Acme,2026-01-01,2026-01-31,100,2026-01-20
                2,Acme,2026-02-01,2026-03-03,100,2026-02-20
                3,Acme,2026-03-01,2026-03-31,100,2026-03-30
                4,Acme,2026-04-01,2026-05-01,100,2026-04-29
                """;

        assertThat(aggregate(invoices).incompletePaymentMonths()).containsExactly(JAN, FEB);
        assertThat(RawFiles.aggregate(folder, invoices, withHistory(1), DateOrder.ISO, AggregationScope.whole())
                .incompletePaymentMonths()).isEmpty();
        assertThat(RawFiles.aggregate(folder, invoices, withHistory(4), DateOrder.ISO, AggregationScope.whole())
                .incompletePaymentMonths()).containsExactly(JAN, FEB, MAR);
    }

    @Test
    void hoursCountInTheMonthWorkedAtTheRolesRateOrTheOneRate() throws Exception {
        SourceSettings settings = settings(new BigDecimal("40"), Map.of("Engineer", new BigDecimal("70"),
                "service desk", new BigDecimal("45")));

        AggregationResult result = RawFiles.aggregate(folder, """
                Client,Date,Hours,Role
                Acme,2026-05-01,2.00,Engineer
                Acme,2026-05-15,1:30,Service Desk
                Acme,2026-05-31,0.5,Apprentice
                """, settings, DateOrder.ISO, AggregationScope.whole());

        assertThat(result.producedFields()).containsExactly(DELIVERY_COST, HOURS_SPENT);
        assertThat(money(result, ACME, MAY)).isEqualTo(Map.of(HOURS_SPENT, "4.00", DELIVERY_COST, "227.50"));
    }

    @Test
    void withoutAnyRateTimeProducesHoursOnlyAndARoleWithoutRateIsAProblem() throws Exception {
        String time = """
                Client,Date,Hours,Role
                Acme,2026-05-01,2.00,Engineer
                Acme,2026-05-31,0.5,Apprentice
                """;

        AggregationResult hoursOnly = aggregate(time);
        AggregationResult perRole = RawFiles.aggregate(folder, time, settings(null, Map.of("Engineer", BigDecimal.TEN)),
                DateOrder.ISO, AggregationScope.whole());

        assertThat(hoursOnly.producedFields()).containsExactly(HOURS_SPENT);
        assertThat(perRole.problems()).containsExactly(new RowProblem(3, "Role", "Apprentice", "psa.row.rateMissing",
                List.of("Apprentice")));
        assertThat(money(perRole, ACME, MAY)).isEqualTo(Map.of(HOURS_SPENT, "2.00", DELIVERY_COST, "20.00"));
    }

    @Test
    void timeEntriesNamingATicketTakeTheClientRememberedFromTheTickets() throws Exception {
        Map<String, ClientKey> memory = new HashMap<>();
        ClientKey company = new ClientKey(null, "29684301");
        try (RawTable tickets = RawExportReader.open(RawFiles.csv(folder, """
                id,ticketNumber,companyID,createDate
                7001,T20260501.0001,29684301,2026-05-01
                7002,T20260531.0002,29684301,2026-05-31
                """), RawLimits.defaults())) {
            Aggregation.aggregate(tickets, Layouts.recognise(tickets.headers()).mapping(), SourceSettings.defaults(),
                    DateOrder.ISO, AggregationScope.whole(), TicketClients.NONE, memory::put);
        }
        TicketClients known = new TicketClients() {
            @Override
            public Optional<String> clientOf(String ticketId) {
                return Optional.empty();
            }

            @Override
            public Optional<ClientKey> clientKeyOf(String ticketId) {
                return Optional.ofNullable(memory.get(ticketId));
            }
        };

        AggregationResult result;
        try (RawTable time = RawExportReader.open(RawFiles.csv(folder, """
                id,ticketID,resourceID,roleID,dateWorked,hoursWorked
                1,7001,jsmith,Engineer,2026-05-01T10:00:00.000Z,1.50
                2,7002,jsmith,Engineer,2026-05-31T10:00:00.000Z,0.25
                3,9999,jsmith,Engineer,2026-05-20T10:00:00.000Z,4.00
                """), RawLimits.defaults())) {
            result = Aggregation.aggregate(time, Layouts.recognise(time.headers()).mapping(), SourceSettings.defaults(),
                    DateOrder.ISO, AggregationScope.whole(), known);
        }

        assertThat(memory).containsOnlyKeys("7001", "7002").containsValue(company);
        assertThat(money(result, company, MAY)).isEqualTo(Map.of(HOURS_SPENT, "1.75"));
        assertThat(result.problems()).extracting(RowProblem::code).containsExactly("psa.row.ticketUnknown");
    }

    @ParameterizedTest(name = "{0} … {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-10 | 2026-05-20 | 2026-03;2026-04;2026-05 | 2026-03;2026-05
            2026-03-04 | 2026-05-28 | 2026-03;2026-04;2026-05 | ''
            2026-06-03 | 2026-06-28 | 2026-06                 | ''
            2026-06-01 | 2026-06-30 | 2026-06                 | ''
            2026-06-10 | 2026-06-28 | 2026-06                 | 2026-06
            2026-06-02 | 2026-06-15 | 2026-06                 | 2026-06
            2026-02-02 | 2026-02-25 | 2026-02                 | ''
            """)
    void monthsTheDataCutsShortAreFlaggedAndAWholeMonthAloneIsNot(LocalDate first, LocalDate last, String months,
            String cutShort) throws Exception {
        AggregationResult result = aggregate("Client,Opened\nAcme," + first + "\nAcme," + last + "\n");

        assertThat(result.firstDate()).isEqualTo(first);
        assertThat(result.lastDate()).isEqualTo(last);
        assertThat(result.months()).isEqualTo(months(months));
        assertThat(result.cutShortMonths()).isEqualTo(months(cutShort));
        assertThat(result.figures().get(ACME).keySet()).containsExactlyInAnyOrderElementsOf(
                months(months).stream().filter(m -> !months(cutShort).contains(m)).toList());
    }

    @Test
    void aCutShortMonthIsAggregatedWhenTheScopeIncludesItAndTheScopesRangeIsExact() throws Exception {
        String tickets = "Client,Opened\nAcme,2026-03-10\nAcme,2026-04-15\nAcme,2026-05-20\n";

        AggregationResult included = RawFiles.aggregate(folder, tickets, SourceSettings.defaults(), DateOrder.ISO,
                new AggregationScope(Optional.empty(), Optional.empty(), Set.of(MAR)));
        AggregationResult edited = RawFiles.aggregate(folder, tickets, SourceSettings.defaults(), DateOrder.ISO,
                new AggregationScope(Optional.of(LocalDate.of(2026, 3, 1)), Optional.of(LocalDate.of(2026, 4, 29)), Set.of()));

        assertThat(included.figures().get(ACME)).containsOnlyKeys(MAR, APR);
        assertThat(edited.months()).containsExactly(MAR, APR);
        assertThat(edited.cutShortMonths()).containsExactly(APR);
        assertThat(edited.figures().get(ACME)).containsOnlyKeys(MAR);
        assertThat(edited.rows()).isEqualTo(3);
        assertThat(Aggregation.zeros(edited, AggregationScope.whole())).containsOnlyKeys(MAR);
    }

    @Test
    void duplicateIdsAreReportedAndCountedOnce() throws Exception {
        AggregationResult result = aggregate("""
                Ticket ID,Client,Opened
                T1,Acme,2026-03-02
                T2,Acme,2026-03-12
                T1,Acme,2026-03-13
                T1,Acme,2026-03-30
                """);

        assertThat(result.duplicateIds()).containsExactly("T1", "T1");
        assertThat(result.duplicateCount()).isEqualTo(2);
        assertThat(figures(result, ACME, MAR)).containsEntry(NEW_TICKETS, 2);
    }

    @Test
    void rowsThatCannotBeReadAreLeftOutWithTheirLineColumnAndReason() throws Exception {
        AggregationResult result = aggregate("""
                Invoice,Client,Invoice date,Due date,Total
                1,Acme,2026-03-01,2026-03-31,100
                2,,2026-03-02,2026-03-31,100
                3,Acme,someday,2026-03-31,100
                4,Acme,2026-03-30,2026-03-31,lots
                """);

        assertThat(result.problems()).containsExactly(
                new RowProblem(3, "Client", "", "psa.row.clientMissing", List.of()),
                new RowProblem(4, "Invoice date", "someday", "psa.row.dateInvalid", List.of("someday")),
                new RowProblem(5, "Total", "lots", "number.invalid", List.of("lots", "2,500.00")));
        assertThat(result.problemCount()).isEqualTo(3);
        assertThat(money(result, ACME, MAR)).containsEntry(INVOICES_ISSUED, "1");
    }

    @Test
    void theDateOrderIsTakenFromTheFirstTellingDateAndADateContradictingItIsARowProblem() throws Exception {
        String csv = "Client,Opened\nAcme,02/03/2026\nAcme,25/03/2026\nAcme,03/26/2026\nAcme,31/03/2026\n";

        try (RawTable table = RawExportReader.open(RawFiles.csv(folder, csv), RawLimits.defaults())) {
            ColumnMapping mapping = Layouts.recognise(table.headers()).mapping();
            DateOrderGuess guess = DateOrderDetection.guess(table, mapping);
            AggregationResult result = Aggregation.aggregate(table, mapping, SourceSettings.defaults(),
                    guess.order().orElseThrow(), AggregationScope.whole(), TicketClients.NONE);

            assertThat(guess).isEqualTo(new DateOrderGuess(Optional.of(DateOrder.DAY_FIRST), false));
            assertThat(result.problems()).containsExactly(new RowProblem(4, "Opened", "03/26/2026", "psa.row.dateInvalid",
                    List.of("03/26/2026")));
            assertThat(figures(result, ACME, MAR)).containsEntry(NEW_TICKETS, 3);
        }
    }

    @Test
    void aFileWhoseDatesAllReadBothWaysIsAmbiguousToTheEnd() throws Exception {
        StringBuilder csv = new StringBuilder("Client,Opened\n");
        for (int i = 0; i < DateOrderDetection.ISO_ROWS + 5; i++) {
            csv.append("Acme,0").append(1 + i % 9).append("/03/2026\n");
        }
        try (RawTable table = RawExportReader.open(RawFiles.csv(folder, csv.toString()), RawLimits.defaults())) {
            assertThat(DateOrderDetection.guess(table, Layouts.recognise(table.headers()).mapping()))
                    .isEqualTo(new DateOrderGuess(Optional.empty(), true));
        }
        csv.append("Acme,13/03/2026\n");
        try (RawTable table = RawExportReader.open(RawFiles.csv(folder, csv.toString()), RawLimits.defaults())) {
            assertThat(DateOrderDetection.guess(table, Layouts.recognise(table.headers()).mapping()).order())
                    .contains(DateOrder.DAY_FIRST);
        }
    }

    @Test
    void aFileTooLongForItsLimitsIsRefusedWhileAggregated() throws Exception {
        Path file = RawFiles.csv(folder, "Client,Opened\nAcme,2026-03-01\nAcme,2026-03-02\nAcme,2026-03-03\n");

        try (RawTable table = RawExportReader.open(file, new RawLimits(1_000, 2))) {
            assertThatThrownBy(() -> Aggregation.aggregate(table, Layouts.recognise(table.headers()).mapping(),
                    SourceSettings.defaults(), DateOrder.ISO, AggregationScope.whole(), TicketClients.NONE))
                    .isInstanceOf(RawFileException.class)
                    .satisfies(e -> assertThat(((RawFileException) e).code()).isEqualTo("psa.file.tooManyRows"));
        }
    }

    private AggregationResult aggregate(String csv) throws RawFileException {
        return RawFiles.aggregate(folder, csv, SourceSettings.defaults(), DateOrder.ISO, AggregationScope.whole());
    }

    private static Map<Metric, Integer> figures(AggregationResult result, ClientKey client, YearMonth month) {
        Map<Metric, Integer> values = new HashMap<>();
        result.figures().get(client).get(month).values().forEach((k, v) -> values.put(k, v.intValueExact()));
        return values;
    }

    private static Map<Metric, String> money(AggregationResult result, ClientKey client, YearMonth month) {
        Map<Metric, String> values = new HashMap<>();
        result.figures().get(client).get(month).values().forEach((k, v) -> values.put(k, v.toPlainString()));
        return values;
    }

    private static List<YearMonth> months(String list) {
        return list.isEmpty() ? List.of() : java.util.Arrays.stream(list.split(";")).map(YearMonth::parse).toList();
    }

    private static SourceSettings withHistory(int months) {
        SourceSettings d = SourceSettings.defaults();
        return new SourceSettings(d.ticketCategories(), d.disputedStatuses(), d.excludedInvoiceTypes(), d.hourlyCost(),
                d.hourlyCostByRole(), d.monthlyToolCostPerEndpoint(), months);
    }

    private static SourceSettings settings(BigDecimal hourlyCost, Map<String, BigDecimal> byRole) {
        return new SourceSettings(Map.of("type:Admin", Category.ADMIN_REQUEST), Set.of(), Set.of(), hourlyCost, byRole,
                null, 3);
    }
}
