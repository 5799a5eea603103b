package com.mspscorecard.importing.raw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LayoutsTests {

    /** The header rows the issue names for each preset, and common generic ones. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            connectwise-tickets  | id,company,board,status,type,priority,dateEntered,closedDate
            connectwise-invoices | invoiceNumber,company,date,dueDate,total,balance
            connectwise-time     | company,chargeToId,member,workRole,timeStart,actualHours,billableOption
            autotask-tickets     | ticketNumber,companyID,createDate,completedDate,queueID,issueType,priority
            autotask-invoices    | invoiceNumber,companyID,invoiceDateTime,dueDate,invoiceTotal,paidDate
            autotask-time        | ticketID,resourceID,roleID,dateWorked,hoursWorked
            halopsa-tickets      | id,client_name,dateoccurred,datecleared,tickettype,priority,category_1
            halopsa-invoices     | invoicenumber,client_name,invoice_date,duedate,total,amountpaid,amount_remaining
            syncro-invoices      | number,customer_business_then_name,date,due_date,total,balance_due,is_paid
            connectwise-tickets  | ID,Company,Board,Status,Type,Priority,Date Entered,Closed Date
            autotask-invoices    | Invoice Number,Company ID,Invoice Date Time,Due Date,Invoice Total,Paid Date
            halopsa-tickets      | ID,Client Name,Date-Occurred,Date Cleared,Ticket Type,Priority,Category 1
            generic-tickets      | Ticket #,Client,Opened,Closed,Queue,Type,Priority,Status,Reopened
            generic-tickets      | Customer,Created,Subject
            generic-invoices     | Invoice,Customer,Date,Due date,Total,Paid on,Status,Type
            generic-invoices     | Client,Invoice Date,Amount,Balance Due
            generic-time         | Date,Client,Technician,Role,Hours,Billable,Ticket
            generic-time         | Company,Date Worked,Duration
            """)
    void recognisesEveryPresetAndGenericHeaderRow(String layoutId, String header) {
        List<String> headers = Arrays.asList(header.split(","));

        Recognition recognition = Layouts.recognise(headers);

        assertThat(recognition.layout().id()).isEqualTo(layoutId);
        assertThat(recognition.kind()).isEqualTo(recognition.layout().kind());
        assertThat(recognition.mapping().missingRequired()).isEmpty();
    }

    @Test
    void assignsEachColumnToItsFieldAndListsTheRest() {
        Recognition recognition = Layouts.recognise(
                List.of("id", "summary", "company", "board", "status", "type", "priority", "dateEntered", "closedDate"));

        ColumnMapping mapping = recognition.mapping();
        assertThat(mapping.column(RawField.TICKET_ID)).contains(0);
        assertThat(mapping.column(RawField.CLIENT)).contains(2);
        assertThat(mapping.column(RawField.OPENED)).contains(7);
        assertThat(mapping.column(RawField.CLOSED)).contains(8);
        assertThat(recognition.unassignedHeaders()).containsExactly("summary");
    }

    @Test
    void autotaskTicketsTakeTheIdOverTheTicketNumberSinceTimeEntriesNameTheId() {
        ColumnMapping mapping = Layouts.recognise(List.of("ticketNumber", "id", "companyID", "createDate")).mapping();

        assertThat(mapping.column(RawField.TICKET_ID)).contains(1);
        assertThat(mapping.column(RawField.CLIENT_REF)).contains(2);
    }

    @Test
    void aSpecificNameWinsOverACatchAllForTheSameField() {
        ColumnMapping mapping = Layouts.recognise(List.of("Date", "Invoice Date", "Client", "Total")).mapping();

        assertThat(mapping.column(RawField.INVOICE_DATE)).contains(1);
    }

    @Test
    void theFingerprintIgnoresCaseSpacesDashesAndUnderscores() {
        assertThat(Layouts.fingerprint(List.of("Date Entered", "company_name")))
                .isEqualTo(Layouts.fingerprint(List.of("dateentered", "Company-Name")))
                .isNotEqualTo(Layouts.fingerprint(List.of("company_name", "Date Entered")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            TICKETS      | Client,Closed         | OPENED
            TICKETS      | Opened,Board          | CLIENT or CLIENT_REF
            INVOICES     | Client,Due date       | INVOICE_DATE;TOTAL
            TIME_ENTRIES | Ticket,Date,Hours     | ''
            TIME_ENTRIES | Date,Hours            | CLIENT or CLIENT_REF or TICKET_REF
            """)
    void saysWhichRequiredFieldsAreMissing(RawKind kind, String header, String missing) {
        Layout generic = Layouts.byId("generic-" + (kind == RawKind.TIME_ENTRIES ? "time" : kind.name().toLowerCase()))
                .orElseThrow();

        ColumnMapping mapping = Layouts.mappingFor(generic, Arrays.asList(header.split(",")));

        assertThat(mapping.missingRequired())
                .isEqualTo(missing.isEmpty() ? List.of() : Arrays.asList(missing.split(";")));
    }

    @Test
    void everySampleIsRecognisedAsItsOwnLayout() throws Exception {
        for (Samples.Sample sample : Samples.all()) {
            String header;
            try (var in = sample.open()) {
                header = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            }
            List<String> headers = Arrays.asList(header.split(header.contains(";") ? ";" : ","));
            assertThat(Layouts.recognise(headers).layout().id()).as(sample.id()).isEqualTo(sample.id());
        }
    }
}
