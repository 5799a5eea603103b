package com.mspscorecard.offboarding;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

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
class OffboardingApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void users() {
        TestUsers.ensure("api-ob-owner", "OWNER");
        TestUsers.ensure("api-ob-tech", "STAFF");
    }

    @Test
    void casesItemsProposalsAndDeadlinesWorkThroughTheApiAndAreDocumented() throws Exception {
        LocalDate end = LocalDate.now().plusDays(45);
        mvc.perform(post("/api/v1/clients").with(user("api-ob-owner").roles("OWNER")).contentType("application/json")
                        .content("{\"name\":\"api-ob Client\",\"contract_start\":\"" + end.minusYears(1)
                                + "\",\"contract_end\":\"" + end + "\",\"notice_period_days\":30,\"contract_mrr\":500}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.auto_renew").value(true));
        long id = jdbc.queryForObject("select id from client where name = 'api-ob Client'", Long.class);

        mvc.perform(get("/api/v1/deadlines").with(user("api-ob-owner").roles("OWNER")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].client_name", hasItem("api-ob Client")));

        mvc.perform(post("/api/v1/clients/" + id + "/offboarding-cases").with(user("api-ob-owner").roles("OWNER"))
                        .contentType("application/json")
                        .content("{\"reasons\":\"late payments\",\"exit_date\":\"" + LocalDate.now().minusDays(1) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("The exit date cannot be before today."))
                .andExpect(jsonPath("$.field").value("exit_date"));
        mvc.perform(post("/api/v1/clients/" + id + "/offboarding-cases").with(user("api-ob-owner").roles("OWNER"))
                        .contentType("application/json")
                        .content("{\"reasons\":\"late payments\",\"exit_date\":\"" + end.plusYears(1) + "\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("OPEN"))
                .andExpect(jsonPath("$.items.length()").value(11));
        long caseId = jdbc.queryForObject("select id from offboarding_case where client_id = ?", Long.class, id);
        long item = jdbc.queryForObject("select id from offboarding_item where case_id = ? and position = 1", Long.class, caseId);
        mvc.perform(post("/api/v1/offboarding-cases/" + caseId + "/items/" + item).with(user("api-ob-owner").roles("OWNER"))
                        .contentType("application/json").content("{\"done\":true,\"version\":0}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.done").value(true))
                .andExpect(jsonPath("$.done_by").value("api-ob-owner"));
        mvc.perform(post("/api/v1/offboarding-cases/" + caseId + "/items/" + item).with(user("api-ob-owner").roles("OWNER"))
                        .contentType("application/json").content("{\"done\":false,\"version\":0}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("was marked done by api-ob-owner meanwhile")));
        mvc.perform(post("/api/v1/offboarding-cases/" + caseId + "/items/" + item).with(user("api-ob-tech").roles("STAFF"))
                        .contentType("application/json").content("{\"done\":false,\"version\":1}"))
                .andExpect(status().isForbidden());

        mvc.perform(get("/v3/api-docs").with(user("api-ob-owner").roles("OWNER")))
                .andExpect(content().string(containsString("/api/v1/offboarding-cases/{caseId}/items/{itemId}")))
                .andExpect(content().string(containsString("/api/v1/clients/{clientId}/price-proposals")))
                .andExpect(content().string(containsString("/api/v1/deadlines")));
    }
}
