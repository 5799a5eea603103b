package com.mspscorecard.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientRulesTests {

    @ParameterizedTest(name = "name={0} start={1} end={2} notice={3} mrr={4} endpoints={5} → {6} {7}")
    @CsvSource(nullValues = "NULL", textBlock = """
            Acme,       NULL,       NULL,       NULL, NULL,    NULL, OK,                NULL
            '   ',      NULL,       NULL,       NULL, NULL,    NULL, name,              client.name.required
            NULL,       NULL,       NULL,       NULL, NULL,    NULL, name,              client.name.required
            Acme,       2026-01-01, 2025-12-31, NULL, NULL,    NULL, contractEnd,       client.contractEnd.beforeStart
            Acme,       2026-01-01, 2026-01-01, NULL, NULL,    NULL, contractEnd,       client.contractEnd.beforeStart
            Acme,       2026-01-01, 2026-01-02, NULL, NULL,    NULL, OK,                NULL
            Acme,       NULL,       2026-01-02, NULL, NULL,    NULL, OK,                NULL
            Acme,       NULL,       NULL,       -1,   NULL,    NULL, noticePeriodDays,  client.negative
            Acme,       NULL,       NULL,       0,    0,       0,    OK,                NULL
            Acme,       NULL,       NULL,       NULL, -5,      NULL, contractMrr,       client.negative
            Acme,       NULL,       NULL,       NULL, 100.125, NULL, contractMrr,       client.money.decimals
            Acme,       NULL,       NULL,       NULL, 100.120, NULL, OK,                NULL
            Acme,       NULL,       NULL,       NULL, NULL,    -3,   endpoints,         client.negative
            """)
    void detailsAreCheckedWithMessagesForTheField(String name, LocalDate start, LocalDate end, Integer notice,
            BigDecimal mrr, Integer endpoints, String field, String code) {
        ClientForm form = new ClientForm(name, null, null, null, ClientStatus.ACTIVE, PaymentTerms.NET_30, start, end,
                notice, mrr, endpoints, null, null);
        if (field.equals("OK")) {
            assertThat(ClientRules.check(form)).isEmpty();
        }
        else {
            assertThat(ClientRules.check(form)).containsExactly(FieldProblem.of(field, code));
        }
    }
}
