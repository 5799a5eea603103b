package com.mspscorecard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import com.mspscorecard.scoring.ScoringService;
import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What a client's scorecard page and a scored clients list page read is kept (issue 18), and still
 * every committed write to what they show is on the next view, written here with plain SQL as another
 * instance or somebody at a psql prompt would write it, bypassing every event of this instance.
 */
@SpringBootTest
@AutoConfigureMockMvc
class KeptReadsIntegrationTests {

    /** Months of their own, long before any other test's, so no other portfolio moves. */
    private static final YearMonth LAST = YearMonth.of(2009, 6);

    private static final String OWNER = "section-owner";
    private static final String MANAGER = "section-manager";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScoringService scoring;

    private long client;

    @BeforeEach
    void client() {
        TestUsers.ensure(OWNER, "OWNER");
        TestUsers.ensure(MANAGER, "ACCOUNT_MANAGER");
        jdbc.update("update app_user set display_name = 'Section Manager' where username = ?", MANAGER);
        List<Long> found = jdbc.queryForList("select id from client where name = 'section-Client'", Long.class);
        if (!found.isEmpty()) {
            client = found.get(0);
            return;
        }
        jdbc.update("""
                insert into client (name, status, payment_terms, endpoints, contract_mrr, account_manager_id)
                select 'section-Client', 'ACTIVE', 'NET_30', 40, 2000, id from app_user where username = ?""", MANAGER);
        client = jdbc.queryForObject("select id from client where name = 'section-Client'", Long.class);
        jdbc.update("""
                insert into monthly_snapshot (client_id, month, new_tickets, reopened_tickets, admin_requests,
                    escalations, invoices_issued, disputed_invoices, late_payments, avg_days_to_pay, revenue,
                    delivery_cost, hours_spent, recommendations_made, recommendations_implemented,
                    recommendations_ignored, security_incidents, endpoints)
                select ?, m::date, 17, 1, 2, 0, 1, 0, 0, 25, 2000, 900, 12, 4, 4, 0, 0, 40
                from generate_series(date '2009-01-01', date '2009-06-01', interval '1 month') m""", client);
        scoring.rescoreClients(Set.of(client), List.of(), true);
    }

    private String page(RequestPostProcessor who, String query) throws Exception {
        return mvc.perform(get("/clients/" + client + "/scorecard" + query).with(who)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** The scorecard section: the page from it on (the navbar before it has the reader's CSRF token). */
    private static String section(String page) {
        return page.substring(page.indexOf("id=\"scorecard\""));
    }

    private static RequestPostProcessor owner() {
        return user(OWNER).roles("OWNER");
    }

    private static RequestPostProcessor manager() {
        return user(MANAGER).roles("ACCOUNT_MANAGER");
    }

    @Test
    void everyCommittedWriteToWhatTheSectionShowsIsOnTheNextView() throws Exception {
        String before = page(owner(), "");
        assertThat(before).contains("id=\"scorecard-month\">June 2009<", "account manager Section Manager",
                "id=\"no-incidents\"");
        assertThat(section(page(owner(), ""))).isEqualTo(section(before));

        jdbc.update("update monthly_snapshot set new_tickets = 4242 where client_id = ? and month = ?", client,
                LAST.atDay(1));
        assertThat(page(owner(), "")).contains("<td class=\"text-end\">4242</td>");

        jdbc.update("""
                insert into incident (client_id, occurred_on, category, description, logged_by_id)
                select ?, date '2009-06-03', 'ERRATIC_COMMUNICATION', 'Changed the request again', id
                from app_user where username = ?""", client, OWNER);
        assertThat(page(owner(), "")).contains("3 Jun 2009").doesNotContain("id=\"no-incidents\"");

        jdbc.update("update app_user set display_name = 'Renamed Manager' where username = ?", MANAGER);
        assertThat(page(owner(), "")).contains("account manager Renamed Manager");

        jdbc.update("update client_score set score = 12.3 where client_id = ? and month = ?", client, LAST.atDay(1));
        assertThat(page(owner(), "")).contains("id=\"score-value\" class=\"fs-4 fw-bold\">12.3<");

        jdbc.update("delete from client_score where client_id = ? and month = ?", client, LAST.atDay(1));
        assertThat(page(owner(), "")).contains("id=\"scorecard-month\">May 2009<");
        scoring.rescoreClients(Set.of(client), List.of(), true);
        assertThat(page(owner(), "")).contains("id=\"scorecard-month\">June 2009<");
    }

    @Test
    void aSectionKeptForOneReaderIsNotShownToAnotherRoleOrLanguage() throws Exception {
        assertThat(page(owner(), "")).contains("id=\"actions\"", "Open an offboarding case");
        assertThat(page(manager(), "")).doesNotContain("id=\"actions\"", "Open an offboarding case")
                .contains("id=\"verdict\"");
        assertThat(page(owner(), "?lang=it")).contains("giugno 2009", "lang=\"it\"").doesNotContain("June 2009");
        assertThat(page(owner(), "?lang=en")).contains("June 2009");
        assertThat(page(owner(), "?month=2009-03")).contains("id=\"scorecard-month\">March 2009<");
        // The kept section carries no one's CSRF token: its forms are plain GET forms.
        assertThat(section(page(manager(), ""))).doesNotContain("_csrf");
    }

    @Test
    void theScoredClientsTableShowsEveryCommittedWriteToItsRows() throws Exception {
        String list = "/scorecards?month=2009-06";
        assertThat(table(mvc.perform(get(list).with(owner())))).contains("section-Client", "Section Manager");

        jdbc.update("update client set name = 'section-Renamed' where id = ?", client);
        try {
            assertThat(table(mvc.perform(get(list).with(owner())))).contains("section-Renamed")
                    .doesNotContain("section-Client");
            assertThat(table(mvc.perform(get(list + "&lang=it").with(manager())))).contains("section-Renamed", "1 di 1 cliente con punteggio");
        }
        finally {
            jdbc.update("update client set name = 'section-Client' where id = ?", client);
        }
        String before = table(mvc.perform(get(list).with(owner())));
        jdbc.update("update monthly_snapshot set revenue = 987654 where client_id = ? and month = ?", client,
                LAST.atDay(1));
        try {
            // Revenue and margin over the last three months move with the month's figures.
            assertThat(table(mvc.perform(get(list).with(owner())))).isNotEqualTo(before).containsPattern("€9\\d\\d,\\d{3}");
        }
        finally {
            jdbc.update("update monthly_snapshot set revenue = 2000 where client_id = ? and month = ?", client,
                    LAST.atDay(1));
        }
        jdbc.update("update app_user set display_name = 'Listed Manager' where username = ?", MANAGER);
        assertThat(table(mvc.perform(get(list).with(owner())))).contains("Listed Manager");
        // A filter that matches nobody is a table of its own, not the one kept for the month.
        assertThat(table(mvc.perform(get(list + "&grade=A&recommendation=OFFBOARD").with(owner()))))
                .doesNotContain("section-Client");
    }

    private static String table(org.springframework.test.web.servlet.ResultActions page) throws Exception {
        String html = page.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return html.substring(html.indexOf("id=\"matching\""));
    }

    @Test
    void anUnknownClientIsNotFoundEvenAfterItsNeighboursWereKept() throws Exception {
        page(owner(), "");
        mvc.perform(get("/clients/" + (client + 100_000) + "/scorecard").with(owner())).andExpect(status().isNotFound());
    }
}
