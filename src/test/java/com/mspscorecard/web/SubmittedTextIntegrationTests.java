package com.mspscorecard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A NUL character (U+0000) in any submitted text: PostgreSQL refuses it in a text column, so it
 * is refused first, as a field error that keeps what was typed, or a 400 for the API. Each of
 * these answered 500 before.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SubmittedTextIntegrationTests {

    private static final String NUL_MESSAGE = "Contains a NUL character (U+0000)";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    long client;

    @BeforeEach
    void setUp() {
        TestUsers.ensure("nul-owner", "OWNER");
        jdbc.update("insert into client (name) values ('nul Plain Ltd') on conflict do nothing");
        client = jdbc.queryForObject("select id from client where name = 'nul Plain Ltd'", Long.class);
    }

    @Test
    void aClientNameOrNotesWithNulComesBackAsAFieldErrorKeepingTheInput() throws Exception {
        for (String field : new String[] { "name", "notes", "industry", "externalRef" }) {
            String name = field.equals("name") ? "nul Acme\u0000 Ltd" : "nul Acme " + field;
            String value = field.equals("name") ? name : "typed " + field + "\u0000";
            var request = post("/clients").with(csrf()).with(user("nul-owner").roles("OWNER"))
                    .param("name", name).param("status", "ACTIVE").param("paymentTerms", "NET_30");
            if (!field.equals("name")) {
                request.param(field, value);
            }
            mvc.perform(request).andExpect(status().isOk())
                    .andExpect(content().string(containsString(NUL_MESSAGE)))
                    .andExpect(content().string(containsString(field.equals("name") ? "nul Acme" : "typed " + field)));
        }
        assertThat(jdbc.queryForObject("select count(*) from client where name like 'nul Acme%'", Integer.class))
                .isZero();
    }

    @Test
    void anIncidentDescriptionWithNulIsRefused() throws Exception {
        mvc.perform(post("/incidents").with(csrf()).with(user("nul-owner").roles("OWNER"))
                        .param("clientId", String.valueOf(client)).param("occurredOn", "2025-04-01")
                        .param("category", "OTHER").param("description", "nul shouted\u0000 at us"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(NUL_MESSAGE)))
                .andExpect(content().string(containsString("nul shouted")));
        assertThat(jdbc.queryForObject("select count(*) from incident where description like 'nul shouted%'",
                Integer.class)).isZero();
    }

    @Test
    void aPollTitleWithNulIsRefused() throws Exception {
        mvc.perform(post("/polls").with(csrf()).with(user("nul-owner").roles("OWNER"))
                        .param("title", "nul Worst five\u0000").param("opensOn", "2026-01-01")
                        .param("closesOn", "2026-12-31").param("picks", "5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(NUL_MESSAGE)))
                .andExpect(content().string(containsString("nul Worst five")));
    }

    @Test
    void aSearchWithNulIsABadRequest() throws Exception {
        mvc.perform(get("/clients").param("q", "a\u0000b").with(user("nul-owner").roles("OWNER")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/audit").param("actor", "a\u0000b").with(user("nul-owner").roles("OWNER")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theApiRefusesNulInJsonWithAProblem() throws Exception {
        mvc.perform(post("/api/v1/clients").with(user("nul-owner").roles("OWNER"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"nul Api\\u0000 Ltd\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("name")));
        mvc.perform(post("/api/v1/clients/" + client + "/incidents").with(user("nul-owner").roles("OWNER"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"occurred_on\": \"2025-04-01\", \"category\": \"OTHER\", \"description\": \"x\\u0000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("description")));
    }
}
