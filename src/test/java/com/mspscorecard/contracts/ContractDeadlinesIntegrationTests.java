package com.mspscorecard.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
class ContractDeadlinesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    long amId;

    @BeforeEach
    void users() {
        TestUsers.ensure("dl-owner", "OWNER");
        TestUsers.ensure("dl-am", "ACCOUNT_MANAGER");
        TestUsers.ensure("dl-am2", "ACCOUNT_MANAGER");
        TestUsers.ensure("dl-tech", "STAFF");
        amId = jdbc.queryForObject("select id from app_user where username = 'dl-am'", Long.class);
    }

    private long client(String name, LocalDate end, Integer notice, String manager) throws Exception {
        Long managerId = jdbc.queryForObject("select id from app_user where username = ?", Long.class, manager);
        var request = post("/clients").with(csrf()).with(user("dl-owner").roles("OWNER")).param("name", name)
                .param("status", "ACTIVE").param("paymentTerms", "NET_30").param("autoRenew", "true")
                .param("accountManagerId", managerId.toString());
        if (end != null) {
            request.param("contractStart", end.minusYears(1).toString()).param("contractEnd", end.toString());
        }
        if (notice != null) {
            request.param("noticePeriodDays", notice.toString());
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
        return jdbc.queryForObject("select id from client where name = ?", Long.class, name);
    }

    @Test
    void theDeadlinesPageListsNoticeDeadlinesAndSendsMissingDatesToTheClientForm() throws Exception {
        LocalDate end = LocalDate.now().plusDays(60);
        long soon = client("dl Soon Ltd", end, 30, "dl-am");
        long missing = client("dl Missing Dates", null, 30, "dl-am");
        mvc.perform(get("/deadlines").with(user("dl-owner").roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("dl Soon Ltd")))
                .andExpect(content().string(containsString(end.minusDays(30).toString())))
                .andExpect(content().string(containsString("set the contract&#39;s end date and notice period first")))
                .andExpect(content().string(containsString("href=\"/clients/" + missing + "/edit\"")));
        mvc.perform(get("/deadlines").with(user("dl-owner").roles("OWNER")).param("lang", "it"))
                .andExpect(content().string(containsString("imposta prima la data di fine del contratto")));
        // An account manager sees their own clients by default.
        mvc.perform(get("/deadlines").with(user("dl-am2").roles("ACCOUNT_MANAGER")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("dl Soon Ltd"))));
        mvc.perform(get("/deadlines").with(user("dl-am2").roles("ACCOUNT_MANAGER")).param("scope", "all"))
                .andExpect(content().string(containsString("dl Soon Ltd")));
        mvc.perform(get("/deadlines").with(user("dl-tech").roles("STAFF"))).andExpect(status().isForbidden());
        assertThat(soon).isPositive();
    }

    @Test
    void theCalendarFeedCarriesOnlyTheManagersClientsAndStopsWhenRevoked() throws Exception {
        LocalDate end = LocalDate.now().plusDays(100);
        client("dl Feed Own, S.p.A.", end, 30, "dl-am");
        client("dl Feed Other", end, 30, "dl-am2");
        MvcResult created = mvc.perform(post("/deadlines/feed").with(csrf()).with(user("dl-am").roles("ACCOUNT_MANAGER")))
                .andExpect(status().is3xxRedirection()).andReturn();
        String url = (String) created.getFlashMap().get("feedUrl");
        String path = url.substring(url.indexOf("/calendar/feed/"));
        String secret = path.substring("/calendar/feed/".length(), path.length() - ".ics".length());
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
        assertThat(jdbc.queryForObject("select secret_hash from calendar_feed where user_id = ?", String.class, amId))
                .isEqualTo(CalendarFeeds.hash(secret)).doesNotContain(secret);

        String ics = mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n")
                .contains("SUMMARY:dl Feed Own\\, S.p.A.: notice deadline")
                .contains("SUMMARY:dl Feed Own\\, S.p.A.: renewal")
                .contains("DTSTART;VALUE=DATE:" + end.minusDays(30).toString().replace("-", ""))
                .doesNotContain("dl Feed Other").doesNotContain("OFFBOARD").doesNotContain("RAISE_PRICE");

        mvc.perform(get("/calendar/feed/" + "x".repeat(43) + ".ics")).andExpect(status().isNotFound());
        mvc.perform(post("/deadlines/feed/revoke").with(csrf()).with(user("dl-am").roles("ACCOUNT_MANAGER")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(path)).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'CALENDAR_FEED_REVOKED' "
                + "and actor = 'dl-am'", Integer.class)).isPositive();
    }

    @Test
    void theDashboardShowsTheDeadlinesCard() throws Exception {
        client("dl Card Client", LocalDate.now().plusDays(40), 10, "dl-am");
        String page = mvc.perform(get("/").with(user("dl-owner").roles("OWNER"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // The card appears once the portfolio has scores; without any, the dashboard shows its empty state.
        if (page.contains("id=\"empty-state\"")) {
            return;
        }
        assertThat(page).contains("Notice deadlines, next 90 days").contains("dl Card Client");
    }
}
