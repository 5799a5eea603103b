package com.mspscorecard.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.mspscorecard.support.TestUsers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
class PriceProposalIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PriceProposals proposals;

    @BeforeEach
    void users() {
        TestUsers.ensure("pp-owner", "OWNER");
        TestUsers.ensure("pp-am", "ACCOUNT_MANAGER");
    }

    static MockHttpServletRequestBuilder owner(MockHttpServletRequestBuilder r) {
        return r.with(csrf()).with(user("pp-owner").roles("OWNER"));
    }

    long client(String name) throws Exception {
        LocalDate end = LocalDate.now().plusDays(120);
        mvc.perform(owner(post("/clients")).param("name", name).param("status", "ACTIVE").param("paymentTerms", "NET_30")
                .param("contractStart", end.minusYears(1).toString()).param("contractEnd", end.toString())
                .param("noticePeriodDays", "60").param("contractMrr", "1000.00"))
                .andExpect(status().is3xxRedirection());
        return jdbc.queryForObject("select id from client where name = ?", Long.class, name);
    }

    long propose(long clientId, String price, LocalDate effective) throws Exception {
        mvc.perform(owner(post("/clients/" + clientId + "/price-proposal")).param("proposedPrice", price)
                        .param("effectiveOn", effective.toString()).param("letterLanguage", "en")
                        .param("letter", "Dear client,\n\nthe monthly fee will be €" + price + " from " + effective + "."))
                .andExpect(status().is3xxRedirection());
        return jdbc.queryForObject("select id from price_proposal where client_id = ? and state = 'OPEN'", Long.class, clientId);
    }

    BigDecimal mrr(long clientId) {
        return jdbc.queryForObject("select contract_mrr from client where id = ?", BigDecimal.class, clientId);
    }

    @Test
    void theOwnerProposesAPriceTheIncreaseIsShownAndAnAcceptedPriceTakesEffectOnItsDate() throws Exception {
        long id = client("pp Accepts Today");
        mvc.perform(owner(get("/clients/" + id + "/price-proposal/new")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Today the client pays €1,000.00 a month.")))
                .andExpect(content().string(containsString("value=\"" + LocalDate.now().plusDays(120) + "\"")));
        mvc.perform(owner(post("/clients/" + id + "/price-proposal")).param("proposedPrice", "ten")
                        .param("effectiveOn", LocalDate.now().toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter a price above 0 with at most 2 decimals.")));
        long proposal = propose(id, "1250.00", LocalDate.now());
        mvc.perform(owner(get("/proposals/" + proposal)))
                .andExpect(content().string(containsString("€250.00 (+25.0%)")));
        mvc.perform(owner(post("/clients/" + id + "/price-proposal")).param("proposedPrice", "1300")
                        .param("effectiveOn", LocalDate.now().toString()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("This client already has a price raise on offer.")));
        PriceProposals.OnOffer offer = proposals.onOffer();
        assertThat(offer.clientsWithOffer()).contains(id);

        mvc.perform(owner(post("/proposals/" + proposal + "/answer")).param("version", "0").param("accepted", "true"))
                .andExpect(flash().attribute("message", "proposal.accepted"));
        assertThat(mrr(id)).isEqualByComparingTo("1250.00");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry, jsonb_array_elements(changes) c "
                + "where entity_type = 'CLIENT' and entity_id = ? and c->>'field' = 'contractMrr' and c->>'new' = '1250.00'",
                Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'PROPOSAL_ACCEPTED' and entity_id = ?",
                Integer.class, proposal)).isEqualTo(1);
    }

    @Test
    void aPriceAcceptedForLaterWaitsForItsDateAndADeclineOffersAnOffboardingCase() throws Exception {
        long later = client("pp Accepts Later");
        LocalDate effective = LocalDate.now().plusDays(30);
        long proposal = propose(later, "1100.00", effective);
        mvc.perform(owner(post("/proposals/" + proposal + "/answer")).param("version", "0").param("accepted", "true"));
        assertThat(mrr(later)).isEqualByComparingTo("1000.00");
        mvc.perform(owner(get("/proposals/" + proposal)))
                .andExpect(content().string(containsString("Price raise accepted, effective " + effective)));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/clients/" + later
                        + "/months/" + java.time.YearMonth.now().minusMonths(1)).with(user("pp-owner").roles("OWNER"))
                        .contentType("application/json").content("{\"revenue\": 1000, \"delivery_cost\": 700}"))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(owner(get("/clients/" + later + "/scorecard")))
                .andExpect(content().string(containsString("Price raise accepted, effective " + effective)));
        byte[] pdf = mvc.perform(get("/proposals/" + proposal + "/letter.pdf").with(user("pp-am").roles("ACCOUNT_MANAGER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("1100.00").contains(effective.toString())
                    .doesNotContainIgnoringCase("difficult");
        }

        long declines = client("pp Declines");
        long second = propose(declines, "1400.00", LocalDate.now().plusDays(10));
        mvc.perform(owner(post("/proposals/" + second + "/answer")).param("version", "0").param("accepted", "false"));
        mvc.perform(owner(get("/proposals/" + second)))
                .andExpect(content().string(containsString("href=\"/clients/" + declines + "/offboarding/new\"")));
        assertThat(mrr(declines)).isEqualByComparingTo("1000.00");
        mvc.perform(get("/clients/" + declines + "/cases").with(user("pp-am").roles("ACCOUNT_MANAGER")))
                .andExpect(content().string(containsString("Price raise, declined: €1,400.00 a month from")));
    }

    @Test
    void aProposalIsWithdrawnOnlyWithAReason() throws Exception {
        long id = client("pp Withdrawn");
        long proposal = propose(id, "1200.00", LocalDate.now().plusDays(10));
        mvc.perform(owner(post("/proposals/" + proposal + "/withdraw")).param("version", "0"))
                .andExpect(flash().attribute("problemCode", "offboarding.text.required"));
        mvc.perform(owner(post("/proposals/" + proposal + "/withdraw")).param("version", "0").param("reason", "Scope reduced instead"))
                .andExpect(flash().attribute("message", "proposal.withdrawn"));
        assertThat(jdbc.queryForObject("select state from price_proposal where id = ?", String.class, proposal)).isEqualTo("WITHDRAWN");
        mvc.perform(post("/proposals/" + proposal + "/withdraw").with(csrf()).with(user("pp-am").roles("ACCOUNT_MANAGER"))
                .param("version", "1").param("reason", "x")).andExpect(status().isForbidden());
    }
}
