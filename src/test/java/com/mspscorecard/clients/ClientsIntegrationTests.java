package com.mspscorecard.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class ClientsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void users() {
        TestUsers.ensure("cli-owner", "OWNER");
        TestUsers.ensure("cli-am", "ACCOUNT_MANAGER");
        TestUsers.ensure("cli-tech", "STAFF");
    }

    private static MockHttpServletRequestBuilder asManager(MockHttpServletRequestBuilder request) {
        return request.with(csrf()).with(user("cli-am").roles("ACCOUNT_MANAGER"));
    }

    private long create(String name, String... extra) throws Exception {
        MockHttpServletRequestBuilder request = asManager(post("/clients")).param("name", name)
                .param("status", "ACTIVE").param("paymentTerms", "NET_30");
        for (int i = 0; i < extra.length; i += 2) {
            request.param(extra[i], extra[i + 1]);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
        return jdbc.queryForObject("select id from client where name = ?", Long.class, name.trim());
    }

    @Test
    void aManagerCreatesAClientAndTheCreationIsAuditedAndAnnounced() throws Exception {
        long id = create("  cli Acme Law  ", "contractMrr", "1200.50", "endpoints", "25", "externalRef", "CLI-ACME");
        assertThat(jdbc.queryForObject("select name from client where id = ?", String.class, id)).isEqualTo("cli Acme Law");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where entity_type = 'CLIENT' and entity_id = ? "
                + "and action = 'CREATED' and actor = 'cli-am'", Integer.class, id)).isEqualTo(1);
        mvc.perform(get("/clients/" + id).with(user("cli-am").roles("ACCOUNT_MANAGER")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .forwardedUrl("/clients/" + id + "/scorecard"));
        mvc.perform(get("/clients/" + id + "/details").with(user("cli-am").roles("ACCOUNT_MANAGER")))
                .andExpect(content().string(containsString("cli Acme Law")))
                .andExpect(content().string(containsString("1,200.50")))
                .andExpect(content().string(containsString("href=\"/clients/" + id + "\"")));
    }

    @Test
    void brokenRulesAreShownNextToTheFieldsAndNothingIsSaved() throws Exception {
        create("cli Unique One", "externalRef", "CLI-U1");
        mvc.perform(asManager(post("/clients")).param("name", " CLI UNIQUE one ").param("externalRef", "CLI-U1")
                        .param("contractStart", "2026-05-01").param("contractEnd", "2026-04-30")
                        .param("contractMrr", "10.9999").param("endpoints", "-1").param("noticePeriodDays", "ten"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Another client already has this name")))
                .andExpect(content().string(containsString("Another client already has this reference.")))
                .andExpect(content().string(containsString("The contract end must be after the contract start.")))
                .andExpect(content().string(containsString("At most 2 decimals (cents).")))
                .andExpect(content().string(containsString("Must be 0 or more.")))
                .andExpect(content().string(containsString("is not a number: write it like 2,500.")))
                // what they typed is kept
                .andExpect(content().string(containsString("value=\" CLI UNIQUE one \"")));
        assertThat(jdbc.queryForObject("select count(*) from client where lower(name) = 'cli unique one'",
                Integer.class)).isEqualTo(1);
        mvc.perform(asManager(post("/clients")).param("name", "   "))
                .andExpect(content().string(containsString("Enter the client&#39;s name.")));
    }

    @Test
    void theSecondOfTwoConcurrentEditsIsRefusedShowingWhatChangedAndKeepingTheInput() throws Exception {
        long id = create("cli Concurrent", "endpoints", "10");
        // Both people loaded version 0; Alice saves first.
        mvc.perform(asManager(post("/clients/" + id)).param("name", "cli Concurrent").param("version", "0")
                        .param("status", "ACTIVE").param("paymentTerms", "NET_60").param("endpoints", "10"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(asManager(post("/clients/" + id)).param("name", "cli Concurrent").param("version", "0")
                        .param("status", "ACTIVE").param("paymentTerms", "NET_30").param("endpoints", "12")
                        .param("notes", "my careful notes"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this client")))
                .andExpect(content().string(containsString("Payment terms")))
                .andExpect(content().string(containsString("NET_60")))
                .andExpect(content().string(containsString("my careful notes")))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
        assertThat(jdbc.queryForMap("select payment_terms, endpoints, notes from client where id = ?", id))
                .containsEntry("payment_terms", "NET_60").containsEntry("endpoints", 10).containsEntry("notes", null);
        // Saving again from the conflict page is a deliberate overwrite.
        mvc.perform(asManager(post("/clients/" + id)).param("name", "cli Concurrent").param("version", "1")
                        .param("status", "ACTIVE").param("paymentTerms", "NET_30").param("endpoints", "12"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select endpoints from client where id = ?", Integer.class, id)).isEqualTo(12);
        assertThat(jdbc.queryForList("select c->>'field' from audit_entry, jsonb_array_elements(changes) c "
                + "where entity_type = 'CLIENT' and entity_id = ? and action = 'CHANGED' order by id", String.class, id))
                .containsExactly("paymentTerms", "paymentTerms", "endpoints");
    }

    @Test
    void offboardedClientsLeaveTheActiveListButKeepTheirPageAndCanComeBack() throws Exception {
        long id = create("cli Leaving Ltd");
        for (String[] step : new String[][] { { "OFFBOARDING", "0" }, { "OFFBOARDED", "1" } }) {
            mvc.perform(asManager(post("/clients/" + id)).param("name", "cli Leaving Ltd").param("status", step[0])
                    .param("paymentTerms", "NET_30").param("version", step[1])).andExpect(status().is3xxRedirection());
        }
        mvc.perform(get("/clients").param("q", "cli Leaving").with(user("cli-am").roles("ACCOUNT_MANAGER")))
                .andExpect(content().string(not(containsString("cli Leaving Ltd"))));
        mvc.perform(get("/clients").param("q", "cli Leaving").param("status", "ALL")
                        .with(user("cli-am").roles("ACCOUNT_MANAGER")))
                .andExpect(content().string(containsString("cli Leaving Ltd")));
        mvc.perform(get("/clients/" + id + "/details").with(user("cli-am").roles("ACCOUNT_MANAGER")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Offboarded")));
        mvc.perform(asManager(post("/clients/" + id)).param("name", "cli Leaving Ltd").param("status", "ACTIVE")
                .param("paymentTerms", "NET_30").param("version", "2")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForList("select c->>'new' from audit_entry, jsonb_array_elements(changes) c "
                + "where entity_type = 'CLIENT' and entity_id = ? and c->>'field' = 'status' order by id", String.class, id)).containsExactly("OFFBOARDING", "OFFBOARDED", "ACTIVE");
    }

    @Test
    void staffSeeClientNamesOnly() throws Exception {
        long id = create("cli Secretive", "contractMrr", "9876.54", "externalRef", "CLI-SECRET");
        // Searched for: the list comes in pages, and the shared test database may hold many clients.
        mvc.perform(get("/clients").param("q", "cli Secretive").with(user("cli-tech").roles("STAFF")))
                .andExpect(content().string(containsString("cli Secretive")))
                .andExpect(content().string(not(containsString("9,876.54"))))
                .andExpect(content().string(not(containsString("CLI-SECRET"))))
                .andExpect(content().string(not(containsString("New client"))));
        mvc.perform(get("/clients/" + id).with(user("cli-tech").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("cli Secretive")))
                .andExpect(content().string(not(containsString("9,876.54"))))
                .andExpect(content().string(not(containsString("/months"))));
    }

    @Test
    void listIsSearchableFilterableAndSortable() throws Exception {
        create("cli Sort Bravo", "contractMrr", "100");
        create("cli Sort Alpha", "contractMrr", "300");
        create("cli Sort Charlie", "contractMrr", "200");
        String byMrrDesc = mvc.perform(get("/clients").param("q", "cli sort").param("sort", "contractMrr")
                        .param("desc", "true").with(user("cli-owner").roles("OWNER")))
                .andReturn().getResponse().getContentAsString();
        assertThat(byMrrDesc.indexOf("cli Sort Alpha")).isLessThan(byMrrDesc.indexOf("cli Sort Charlie"));
        assertThat(byMrrDesc.indexOf("cli Sort Charlie")).isLessThan(byMrrDesc.indexOf("cli Sort Bravo"));
        String byName = mvc.perform(get("/clients").param("q", "CLI SORT").with(user("cli-owner").roles("OWNER")))
                .andReturn().getResponse().getContentAsString();
        assertThat(byName.indexOf("cli Sort Alpha")).isLessThan(byName.indexOf("cli Sort Bravo"));
        Long manager = jdbc.queryForObject("select id from app_user where username = 'cli-am'", Long.class);
        mvc.perform(get("/clients").param("q", "cli sort").param("manager", String.valueOf(manager + 100000))
                        .with(user("cli-owner").roles("OWNER")))
                .andExpect(content().string(not(containsString("cli Sort Alpha"))));
    }

    @Test
    void anUnknownClientIsTheNotFoundPage() throws Exception {
        mvc.perform(get("/clients/987654321").with(user("cli-am").roles("ACCOUNT_MANAGER")))
                .andExpect(status().isNotFound());
    }
}
