package com.mspscorecard.clients;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class ClientsApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void users() {
        TestUsers.ensure("api-am", "ACCOUNT_MANAGER");
        TestUsers.ensure("api-tech", "STAFF");
    }

    private static MockHttpServletRequestBuilder am(MockHttpServletRequestBuilder request) {
        return request.with(user("api-am").roles("ACCOUNT_MANAGER")).contentType(MediaType.APPLICATION_JSON);
    }

    private long create(String json) throws Exception {
        String body = mvc.perform(am(post("/api/v1/clients")).content(json)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void clientsRoundTripWithOptimisticLocking() throws Exception {
        long id = create("""
                {"name": "api Round Trip", "external_ref": "API-RT", "account_manager": "api-am",
                 "payment_terms": "NET_45", "contract_start": "2025-01-01", "contract_end": "2026-01-01",
                 "contract_mrr": 999.90, "endpoints": 12}
                """);
        mvc.perform(am(get("/api/v1/clients/" + id)))
                .andExpect(jsonPath("$.name").value("api Round Trip"))
                .andExpect(jsonPath("$.external_ref").value("API-RT"))
                .andExpect(jsonPath("$.account_manager").value("api-am"))
                .andExpect(jsonPath("$.payment_terms").value("NET_45"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.contract_end").value("2026-01-01"))
                .andExpect(jsonPath("$.contract_mrr").value(999.90))
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(am(put("/api/v1/clients/" + id)).content("""
                {"name": "api Round Trip", "endpoints": 14, "version": 0}
                """)).andExpect(status().isOk()).andExpect(jsonPath("$.endpoints").value(14))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(am(put("/api/v1/clients/" + id)).content("""
                {"name": "api Round Trip", "endpoints": 99, "version": 0}
                """)).andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409));
        mvc.perform(am(put("/api/v1/clients/" + id)).content("{\"name\": \"api Round Trip\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void invalidInputIsAProblemWithOneErrorPerField() throws Exception {
        mvc.perform(am(post("/api/v1/clients")).content("""
                {"name": " ", "contract_start": "2026-02-01", "contract_end": "2026-01-01", "contract_mrr": 1.005,
                 "account_manager": "nobody-like-this"}
                """)).andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("account_manager")));
        mvc.perform(am(post("/api/v1/clients")).content("""
                {"name": " ", "contract_start": "2026-02-01", "contract_end": "2026-01-01", "contract_mrr": 1.005}
                """)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("contract_end")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("contract_mrr")));
        mvc.perform(am(post("/api/v1/clients")).content("{\"name\": \"api X\", \"endpoints\": \"many\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("endpoints"));
        mvc.perform(am(get("/api/v1/clients/987654321"))).andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void staffSeeOnlyIdAndNameAndNoMonths() throws Exception {
        long id = create("{\"name\": \"api Staff View\", \"contract_mrr\": 5000}");
        mvc.perform(get("/api/v1/clients").with(user("api-tech").roles("STAFF")))
                .andExpect(jsonPath("$[0]", not(hasKey("contract_mrr"))))
                .andExpect(jsonPath("$[*].name").value(hasItem("api Staff View")));
        mvc.perform(get("/api/v1/clients/" + id).with(user("api-tech").roles("STAFF")))
                .andExpect(jsonPath("$.name").value("api Staff View"))
                .andExpect(jsonPath("$", not(hasKey("contract_mrr"))));
        mvc.perform(get("/api/v1/clients/" + id + "/months").with(user("api-tech").roles("STAFF")))
                .andExpect(status().isForbidden());
    }

    @Test
    void monthsAreReplacedOneAtATimeAndIncidentsLogged() throws Exception {
        long id = create("{\"name\": \"api Months\"}");
        mvc.perform(am(put("/api/v1/clients/" + id + "/months/2025-03")).content("""
                {"new_tickets": 8, "revenue": "1200.5", "recommendations_made": 4,
                 "recommendations_implemented": 1, "recommendations_ignored": 2}
                """)).andExpect(status().isOk()).andExpect(jsonPath("$.new_tickets").value(8))
                .andExpect(jsonPath("$.revenue").value(1200.50));
        mvc.perform(am(put("/api/v1/clients/" + id + "/months/2025-03")).content("{\"escalations\": 1}"))
                .andExpect(status().isOk());
        mvc.perform(am(get("/api/v1/clients/" + id + "/months")))
                .andExpect(jsonPath("$[0].month").value("2025-03"))
                .andExpect(jsonPath("$[0].escalations").value(1))
                .andExpect(jsonPath("$[0].new_tickets").doesNotExist());
        mvc.perform(am(put("/api/v1/clients/" + id + "/months/2999-01")).content("""
                {"new_tickets": 1.5, "recommendations_made": 1, "recommendations_implemented": 1,
                 "recommendations_ignored": 1, "bogus": 2}
                """)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("month")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("new_tickets")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("recommendations_ignored")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("bogus")));
        mvc.perform(post("/api/v1/clients/" + id + "/incidents").with(user("api-tech").roles("STAFF"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"occurred_on\": \"2025-03-02\", \"category\": \"ABUSIVE_TREATMENT\", "
                                + "\"description\": \"Shouted at the helpdesk\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.category").value("ABUSIVE_TREATMENT"));
        mvc.perform(post("/api/v1/clients/" + id + "/incidents").with(user("api-tech").roles("STAFF"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"description\": \"" + "x".repeat(2001) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("occurred_on")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("category")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("description")));
    }

    @Test
    void theApiIsDescribedByOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(user("api-am").roles("ACCOUNT_MANAGER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths", hasKey("/api/v1/clients/{id}/months/{month}")));
    }
}
