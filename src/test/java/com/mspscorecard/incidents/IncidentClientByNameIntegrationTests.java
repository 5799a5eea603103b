package com.mspscorecard.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.transaction.annotation.Transactional;

/**
 * A portfolio of more than {@link IncidentController#LISTED_CLIENTS} active clients: the incident form
 * asks for the client's name and suggests names as the user types, instead of listing every client;
 * a name that is no active client's is refused with the name kept. The clients it adds roll back.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class IncidentClientByNameIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    String prefix;
    long client;

    @BeforeEach
    void manyClients() {
        TestUsers.ensure("inc-name-tech", "STAFF");
        prefix = "byname-" + UUID.randomUUID().toString().substring(0, 8);
        int active = jdbc.queryForObject("select count(*) from client where status <> 'OFFBOARDED'", Integer.class);
        for (int i = active; i <= IncidentController.LISTED_CLIENTS; i++) {
            jdbc.update("insert into client (name) values (?)", prefix + " filler " + i);
        }
        client = jdbc.queryForObject("insert into client (name) values (?) returning id", Long.class,
                prefix + " Shouty Ltd");
    }

    @Test
    void theFormAsksForANameSuggestsClientsAndLogsTheNamedOne() throws Exception {
        mvc.perform(get("/incidents").with(user("inc-name-tech").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"clientName\"")))
                .andExpect(content().string(containsString("Start typing the client’s name")))
                .andExpect(content().string(not(containsString("Choose a client"))))
                .andExpect(content().string(not(containsString(prefix + " filler"))));

        mvc.perform(get("/incidents/client-options").param("clientName", prefix.toUpperCase(Locale.ROOT) + " SHOUTY")
                        .with(user("inc-name-tech").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"" + prefix + " Shouty Ltd\">")))
                .andExpect(content().string(not(containsString("filler"))));
        String many = mvc.perform(get("/incidents/client-options").param("clientName", prefix)
                .with(user("inc-name-tech").roles("STAFF"))).andReturn().getResponse().getContentAsString();
        assertThat(many.split("<option").length - 1).isEqualTo(IncidentController.SUGGESTIONS);

        mvc.perform(post("/incidents").with(csrf()).with(user("inc-name-tech").roles("STAFF"))
                        .param("clientName", "  " + prefix.toUpperCase(Locale.ROOT) + " shouty ltd ")
                        .param("occurredOn", "2025-04-01").param("category", "ABUSIVE_TREATMENT")
                        .param("description", prefix + " shouted at the helpdesk"))
                .andExpect(redirectedUrl("/incidents"));
        assertThat(jdbc.queryForObject("select client_id from incident where description = ?", Long.class,
                prefix + " shouted at the helpdesk")).isEqualTo(client);
    }

    @Test
    void aNameThatIsNoActiveClientIsRefusedInTheReadersLanguageWithTheNameKept() throws Exception {
        jdbc.update("update client set status = 'OFFBOARDED' where id = ?", client);
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.ITALIAN}) {
            mvc.perform(post("/incidents").with(csrf()).with(user("inc-name-tech").roles("STAFF")).locale(locale)
                            .param("clientName", prefix + " Shouty Ltd").param("occurredOn", "2025-04-01")
                            .param("category", "ABUSIVE_TREATMENT").param("description", prefix + " nothing saved"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(locale == Locale.ENGLISH
                            ? "No active client is named “" + prefix + " Shouty Ltd”"
                            : "Nessun cliente attivo si chiama “" + prefix + " Shouty Ltd”")))
                    .andExpect(content().string(containsString("value=\"" + prefix + " Shouty Ltd\"")));
        }
        assertThat(jdbc.queryForObject("select count(*) from incident where description = ?", Integer.class,
                prefix + " nothing saved")).isZero();
    }
}
