package com.mspscorecard.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 13 item 2, as an Italian and an English account manager meet it: the client form's money,
 * the month form and the entry grid take numbers as people write them in their language,
 * thousands included, and refuse a value that reads two ways with a message naming both.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NumbersAsTypedIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    long manager;

    long client;

    @BeforeEach
    void client() {
        TestUsers.ensure("num-am", "ACCOUNT_MANAGER");
        manager = jdbc.queryForObject("select id from app_user where username = 'num-am'", Long.class);
        client = jdbc.queryForObject("insert into client (name, account_manager_id) values (?, ?) returning id",
                Long.class, "num " + UUID.randomUUID().toString().substring(0, 8), manager);
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, Locale locale) {
        return request.with(csrf()).with(user("num-am").roles("ACCOUNT_MANAGER")).locale(locale);
    }

    @Test
    void theItalianMonthFormTakesThousandsDotsAndRefusesAValueThatReadsTwoWays() throws Exception {
        mvc.perform(as(post("/clients/{id}/months", client), Locale.ITALIAN).param("month", "2025-04")
                        .param("revenue", "2.480,50").param("delivery_cost", "2500,00").param("hours_spent", "1.234"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "si può leggere in due modi: scrivi 1234 per il numero intero, oppure 1,234 per il decimale")))
                .andExpect(content().string(containsString("value=\"2.480,50\"")));
        assertThat(jdbc.queryForObject("select count(*) from monthly_snapshot where client_id = ?", Long.class, client))
                .isZero();

        mvc.perform(as(post("/clients/{id}/months", client), Locale.ITALIAN).param("month", "2025-04")
                        .param("revenue", "2.480,50").param("delivery_cost", "2500,00").param("hours_spent", "1.234,5"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForMap("select revenue, delivery_cost, hours_spent from monthly_snapshot where client_id = ?",
                client))
                .containsEntry("revenue", new BigDecimal("2480.50"))
                .containsEntry("delivery_cost", new BigDecimal("2500.00"))
                .containsEntry("hours_spent", new BigDecimal("1234.50"));

        // Shown again as the Italian page writes it, and saved again unchanged.
        mvc.perform(as(get("/clients/{id}/months/edit", client), Locale.ITALIAN).param("month", "2025-04"))
                .andExpect(content().string(containsString("value=\"2480,50\"")));
    }

    @Test
    void theGridTakesEachLanguagesWritingOfThousands() throws Exception {
        mvc.perform(as(post("/metrics/entry"), Locale.ITALIAN).param("month", "2025-05")
                        .param("client", String.valueOf(client)).param("c" + client + ".revenue", "1.234.567,89")
                        .param("c" + client + ".new_tickets", "1.234"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(as(post("/metrics/entry"), Locale.ENGLISH).param("month", "2025-06")
                        .param("client", String.valueOf(client)).param("c" + client + ".revenue", "1,234,567.89")
                        .param("c" + client + ".new_tickets", "1,234"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForList("select revenue from monthly_snapshot where client_id = ? order by month",
                BigDecimal.class, client)).containsExactly(new BigDecimal("1234567.89"), new BigDecimal("1234567.89"));
        assertThat(jdbc.queryForList("select new_tickets from monthly_snapshot where client_id = ? order by month",
                Integer.class, client)).containsExactly(1234, 1234);
    }

    @Test
    void theClientFormTakesMoneyAsEachLanguageWritesIt() throws Exception {
        String name = "num form " + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(as(post("/clients"), Locale.ITALIAN).param("name", name).param("status", "ACTIVE")
                        .param("paymentTerms", "NET_30").param("contractMrr", "2.500,00").param("endpoints", "1.200"))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.queryForObject("select id from client where name = ?", Long.class, name);
        assertThat(jdbc.queryForMap("select contract_mrr, endpoints from client where id = ?", id))
                .containsEntry("contract_mrr", new BigDecimal("2500.00")).containsEntry("endpoints", 1200);
        mvc.perform(as(get("/clients/{id}/edit", id), Locale.ITALIAN))
                .andExpect(content().string(containsString("value=\"2500,00\"")));

        mvc.perform(as(post("/clients"), Locale.ENGLISH).param("name", name + " en").param("status", "ACTIVE")
                        .param("paymentTerms", "NET_30").param("contractMrr", "2,500.00"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select contract_mrr from client where name = ?", BigDecimal.class, name + " en"))
                .isEqualByComparingTo("2500.00");

        mvc.perform(as(post("/clients"), Locale.ITALIAN).param("name", name + " x").param("status", "ACTIVE")
                        .param("paymentTerms", "NET_30").param("contractMrr", "2,500,00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("non è un numero: scrivilo come 2.500,00")));
    }
}
