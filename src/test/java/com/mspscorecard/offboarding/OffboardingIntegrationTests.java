package com.mspscorecard.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import com.mspscorecard.clients.ClientStatuses;
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
class OffboardingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ClientStatuses statuses;

    long techId;

    @BeforeEach
    void users() {
        TestUsers.ensure("ob-owner", "OWNER");
        TestUsers.ensure("ob-am", "ACCOUNT_MANAGER");
        TestUsers.ensure("ob-tech", "STAFF");
        TestUsers.ensure("ob-tech2", "STAFF");
        techId = jdbc.queryForObject("select id from app_user where username = 'ob-tech'", Long.class);
    }

    static MockHttpServletRequestBuilder owner(MockHttpServletRequestBuilder r) {
        return r.with(csrf()).with(user("ob-owner").roles("OWNER"));
    }

    static MockHttpServletRequestBuilder tech(MockHttpServletRequestBuilder r) {
        return r.with(csrf()).with(user("ob-tech").roles("STAFF"));
    }

    /** A client whose contract renews in 200 days with 30 days' notice: the earliest exit is its end. */
    long client(String name) throws Exception {
        LocalDate end = LocalDate.now().plusDays(200);
        Long am = jdbc.queryForObject("select id from app_user where username = 'ob-am'", Long.class);
        mvc.perform(owner(post("/clients")).param("name", name).param("status", "ACTIVE").param("paymentTerms", "NET_30")
                .param("contractStart", end.minusYears(1).toString()).param("contractEnd", end.toString())
                .param("noticePeriodDays", "30").param("autoRenew", "true").param("accountManagerId", am.toString()))
                .andExpect(status().is3xxRedirection());
        return jdbc.queryForObject("select id from client where name = ?", Long.class, name);
    }

    long open(long clientId, LocalDate exit, String letter) throws Exception {
        mvc.perform(owner(post("/clients/" + clientId + "/offboarding")).param("decision", "OFFBOARD")
                        .param("reasons", "- 3 late payments").param("exitDate", exit.toString())
                        .param("letterLanguage", "en").param("letter", letter))
                .andExpect(status().is3xxRedirection());
        return jdbc.queryForObject("select id from offboarding_case where client_id = ? and state = 'OPEN'", Long.class,
                clientId);
    }

    String clientStatus(long clientId) {
        return jdbc.queryForObject("select status from client where id = ?", String.class, clientId);
    }

    @Test
    void theOwnerOpensACaseWithTheExitDateTheContractAllowsAndTheClientBecomesOffboarding() throws Exception {
        long id = client("ob Rossi & Figli");
        LocalDate end = LocalDate.now().plusDays(200);
        mvc.perform(owner(get("/clients/" + id + "/offboarding/new")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The earliest exit that respects the notice period (30 days) is " + end)))
                .andExpect(content().string(containsString("value=\"" + end + "\"")))
                .andExpect(content().string(containsString("Dear ob Rossi &amp; Figli")))
                .andExpect(content().string(not(containsString("{{"))));
        mvc.perform(owner(post("/clients/" + id + "/offboarding")).param("reasons", "x")
                        .param("exitDate", LocalDate.now().minusDays(1).toString()).param("letter", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The exit date cannot be before today.")));
        mvc.perform(owner(post("/clients/" + id + "/offboarding")).param("reasons", "x")
                        .param("exitDate", LocalDate.now().plusDays(10).toString()).param("letter", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This is earlier than the contract allows: the earliest exit that respects the notice period is " + end)));
        assertThat(clientStatus(id)).isEqualTo("ACTIVE");

        long caseId = open(id, end, "Dear client");
        assertThat(clientStatus(id)).isEqualTo("OFFBOARDING");
        assertThat(jdbc.queryForObject("select count(*) from offboarding_item where case_id = ?", Integer.class, caseId)).isEqualTo(11);
        assertThat(jdbc.queryForObject("select due_on from offboarding_item where case_id = ? and position = 8",
                LocalDate.class, caseId)).isEqualTo(end);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'CASE_OPENED' and entity_id = ?",
                Integer.class, caseId)).isEqualTo(1);

        mvc.perform(owner(post("/clients/" + id + "/offboarding")).param("reasons", "again")
                        .param("exitDate", end.toString()).param("letter", "x"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("This client already has an open offboarding case.")));
        mvc.perform(get("/clients/" + id + "/cases").with(user("ob-am").roles("ACCOUNT_MANAGER")))
                .andExpect(content().string(containsString("Offboarding case, open, exit on " + end)));
        mvc.perform(get("/clients/" + id + "/offboarding/new").with(user("ob-am").roles("ACCOUNT_MANAGER")))
                .andExpect(status().isForbidden());
    }

    @Test
    void staffSeeAndTickOnlyTheirItemsAndAStaleTickIsRefusedWithWhatChanged() throws Exception {
        long id = client("ob Staff Tasks");
        long caseId = open(id, LocalDate.now().plusDays(200), "x");
        List<Long> items = jdbc.queryForList("select id from offboarding_item where case_id = ? order by position", Long.class, caseId);
        long agents = items.get(7);
        mvc.perform(post("/offboarding/" + caseId + "/items/" + agents + "/assign").with(csrf())
                        .with(user("ob-am").roles("ACCOUNT_MANAGER"))
                        .param("version", "0").param("assigneeId", String.valueOf(techId)).param("dueOn", LocalDate.now().plusDays(150).toString()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "offboarding.item.assigned"));

        mvc.perform(tech(get("/offboarding/tasks")))
                .andExpect(content().string(containsString("Remove the monitoring/RMM agents at the agreed date")))
                .andExpect(content().string(not(containsString("Domains and DNS"))));
        mvc.perform(tech(get("/offboarding/" + caseId))).andExpect(status().isForbidden());
        mvc.perform(tech(post("/offboarding/" + caseId + "/items/" + items.get(0))).param("version", "0").param("done", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/offboarding/tasks").with(user("ob-tech2").roles("STAFF")))
                .andExpect(content().string(not(containsString("RMM agents"))));

        mvc.perform(tech(post("/offboarding/" + caseId + "/items/" + agents)).param("version", "1").param("done", "true")
                .param("returnTo", "tasks")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select done_by from offboarding_item where id = ?", String.class, agents)).isEqualTo("ob-tech");
        // The account manager's page was loaded before the tick: their form still says version 1.
        var stale = mvc.perform(post("/offboarding/" + caseId + "/items/" + agents).with(csrf()).with(user("ob-am").roles("ACCOUNT_MANAGER"))
                        .param("version", "1").param("done", "true"))
                .andExpect(flash().attribute("problemCode", "offboarding.stale.itemDone")).andReturn();
        // As the browser follows the redirect: with the session (in PostgreSQL) that holds the flash message.
        mvc.perform(get("/offboarding/" + caseId).with(user("ob-am").roles("ACCOUNT_MANAGER"))
                        .cookie(stale.getResponse().getCookie("SESSION")))
                .andExpect(content().string(containsString("was marked done by ob-tech meanwhile")));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'ITEM_DONE' and entity_id = ? "
                + "and actor = 'ob-tech'", Integer.class, caseId)).isEqualTo(1);
    }

    @Test
    void completingNeedsEveryItemAndOffboardsTheClientOnItsExitDateNotBefore() throws Exception {
        long id = client("ob Complete Me");
        LocalDate exit = LocalDate.now().plusDays(200);
        long caseId = open(id, exit, "x");
        mvc.perform(owner(post("/offboarding/" + caseId + "/complete")).param("version", "0"))
                .andExpect(flash().attribute("problemCode", "offboarding.complete.itemsLeft"));
        jdbc.update("update offboarding_item set done_by = 'ob-owner', done_at = now() where case_id = ?", caseId);
        mvc.perform(owner(post("/offboarding/" + caseId + "/complete")).param("version", "0"))
                .andExpect(flash().attribute("message", "offboarding.completed"));
        assertThat(clientStatus(id)).isEqualTo("OFFBOARDING");
        var membership = statuses.membership();
        assertThat(membership.statusOn(id, exit)).hasToString("OFFBOARDED");
        assertThat(membership.statusOn(id, exit.minusDays(1))).hasToString("OFFBOARDING");
        assertThat(membership.counts(id, YearMonth.now().minusMonths(1))).isTrue();
        assertThat(membership.counts(id, YearMonth.from(exit).plusMonths(1))).isFalse();
    }

    @Test
    void withdrawingNeedsAReasonAndMakesTheClientActiveAgain() throws Exception {
        long id = client("ob Withdraw Me");
        long caseId = open(id, LocalDate.now().plusDays(200), "x");
        mvc.perform(owner(post("/offboarding/" + caseId + "/withdraw")).param("version", "0").param("reason", " "))
                .andExpect(flash().attribute("problemCode", "offboarding.text.required"));
        mvc.perform(owner(post("/offboarding/" + caseId + "/withdraw")).param("version", "0")
                .param("reason", "They agreed to pay on time")).andExpect(flash().attribute("message", "offboarding.withdrawn"));
        assertThat(clientStatus(id)).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'CASE_WITHDRAWN' and entity_id = ?",
                Integer.class, caseId)).isEqualTo(1);
        mvc.perform(get("/clients/" + id + "/cases").with(user("ob-owner").roles("OWNER")))
                .andExpect(content().string(containsString("They agreed to pay on time")));
        // A new case may be opened once the first is closed.
        open(id, LocalDate.now().plusDays(200), "x");
    }

    @Test
    void theLetterIsFilledAsPlainTextAndItsPdfSaysWhatTheClientMayRead() throws Exception {
        long id = client("ob ${7*7} [[${T(java.lang.System).exit(1)}]] Ltd");
        jdbc.update("insert into letter_template (kind, language, body, updated_by) values ('NOTICE', 'en', ?, 'test') "
                + "on conflict (kind, language) do update set body = excluded.body",
                "To {{client}} on ${1+1} and [[${2+2}]] #{x}: leave by {{exit_date}} because {{reasons}}. {{unknown}}");
        try {
            String page = mvc.perform(owner(get("/clients/" + id + "/offboarding/new")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("To ob ${7*7} [[${T(java.lang.System).exit(1)}]] Ltd on ${1+1} and [[${2+2}]] #{x}: leave by")
                    .contains("{{unknown}}").doesNotContain(" 49 ").doesNotContain("on 2 and 4");
        }
        finally {
            jdbc.update("delete from letter_template where kind = 'NOTICE' and language = 'en'");
        }
        LocalDate exit = LocalDate.now().plusDays(200);
        long caseId = open(id, exit, "Dear ob ${7*7} Ltd,\n\nour services end on " + exit
                + ": invoices have repeatedly been settled after their due dates.");
        byte[] pdf = mvc.perform(get("/offboarding/" + caseId + "/letter.pdf").with(user("ob-am").roles("ACCOUNT_MANAGER")))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("Dear ob ${7*7} Ltd,").contains(exit.toString())
                .doesNotContainIgnoringCase("abusive").doesNotContainIgnoringCase("vote")
                .doesNotContain("3 late payments");
        mvc.perform(tech(get("/offboarding/" + caseId + "/letter.pdf"))).andExpect(status().isForbidden());
    }
}
