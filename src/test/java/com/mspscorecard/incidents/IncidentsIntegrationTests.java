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

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class IncidentsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    long client;

    @BeforeEach
    void setUp() {
        TestUsers.ensure("inc-owner", "OWNER");
        TestUsers.ensure("inc-tech", "STAFF");
        TestUsers.ensure("inc-tech2", "STAFF");
        jdbc.update("insert into client (name) values ('inc Shouty Ltd') on conflict do nothing");
        client = jdbc.queryForObject("select id from client where name = 'inc Shouty Ltd'", Long.class);
    }

    private void log(String username, String description) throws Exception {
        mvc.perform(post("/incidents").with(csrf()).with(user(username).roles("STAFF"))
                        .param("clientId", String.valueOf(client)).param("occurredOn", "2025-04-01")
                        .param("category", "ABUSIVE_TREATMENT").param("description", description)
                        .param("returnTo", "client"))
                .andExpect(redirectedUrl("/clients/" + client));
    }

    @Test
    void staffSeeOnlyTheirOwnIncidentsAndTheOwnerSeesAllAndMayDeleteAudited() throws Exception {
        log("inc-tech", "inc shouted at Tina");
        log("inc-tech2", "inc furious call at midnight");
        mvc.perform(get("/incidents").with(user("inc-tech").roles("STAFF")))
                .andExpect(content().string(containsString("inc shouted at Tina")))
                .andExpect(content().string(not(containsString("inc furious call at midnight"))));
        mvc.perform(get("/clients/" + client + "/incidents").with(user("inc-tech2").roles("STAFF")))
                .andExpect(content().string(containsString("inc furious call at midnight")))
                .andExpect(content().string(not(containsString("inc shouted at Tina"))));
        mvc.perform(get("/incidents").with(user("inc-owner").roles("OWNER")))
                .andExpect(content().string(containsString("inc shouted at Tina")))
                .andExpect(content().string(containsString("inc furious call at midnight")))
                .andExpect(content().string(containsString("Shouting, offensive language")));
        long id = jdbc.queryForObject("select id from incident where description = 'inc shouted at Tina'", Long.class);
        mvc.perform(post("/incidents/" + id + "/delete").with(csrf()).with(user("inc-tech").roles("STAFF")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/incidents/" + id + "/delete").with(csrf()).with(user("inc-owner").roles("OWNER")))
                .andExpect(redirectedUrl("/incidents"));
        assertThat(jdbc.queryForObject("select count(*) from incident where id = ?", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where entity_type = 'INCIDENT' and entity_id = ? "
                + "and action = 'DELETED' and actor = 'inc-owner'", Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where entity_type = 'INCIDENT' and entity_id = ? "
                + "and action = 'CREATED' and actor = 'inc-tech'", Integer.class, id)).isEqualTo(1);
    }

    @Test
    void anIncompleteIncidentIsExplainedAndNotSaved() throws Exception {
        mvc.perform(post("/incidents").with(csrf()).with(user("inc-tech").roles("STAFF"))
                        .param("clientId", String.valueOf(client)).param("occurredOn", "2999-01-01")
                        .param("description", "x".repeat(2001)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The date cannot be in the future.")))
                .andExpect(content().string(containsString("Choose the category that fits best.")))
                .andExpect(content().string(containsString("At most 2000 characters")));
    }
}
