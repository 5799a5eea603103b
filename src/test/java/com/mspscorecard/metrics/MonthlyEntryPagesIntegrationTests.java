package com.mspscorecard.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The entry grid in pages of 50 clients (issue 18): a manager with 60 clients gets two pages, the
 * page is in the address, month, manager and name filter stay across pages, and a save saves the
 * page's rows, all or nothing, then shows the same page and says other pages are saved separately.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MonthlyEntryPagesIntegrationTests {

    static final String MONTH = "2025-07";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    long manager;

    @BeforeEach
    void sixtyClients() {
        TestUsers.ensure("pg-am", "ACCOUNT_MANAGER");
        TestUsers.ensure("pg-other", "ACCOUNT_MANAGER");
        TestUsers.ensure("pg-owner", "OWNER");
        manager = jdbc.queryForObject("select id from app_user where username = 'pg-am'", Long.class);
        jdbc.update("insert into client (name, account_manager_id) select 'pg Client ' || lpad(i::text, 3, '0'), ? "
                + "from generate_series(1, 60) i on conflict do nothing", manager);
        jdbc.update("insert into client (name, account_manager_id) values ('pg Not mine', "
                + "(select id from app_user where username = 'pg-other')) on conflict do nothing");
    }

    private long client(int number) {
        return jdbc.queryForObject("select id from client where name = ?", Long.class,
                "pg Client " + String.format("%03d", number));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private MockHttpServletRequestBuilder asManager(MockHttpServletRequestBuilder request) {
        return request.with(user("pg-am").roles("ACCOUNT_MANAGER")).locale(Locale.ENGLISH);
    }

    @Test
    void theFirstPageShowsFiftyClientsTheCountOfAllAndLinksToTheSecond() throws Exception {
        String html = page(asManager(get("/metrics/entry").param("month", MONTH)));
        assertThat(html).contains("Clients 1–50 of 60").contains("pg Client 001").contains("pg Client 050")
                .doesNotContain("pg Client 051").doesNotContain("pg Not mine")
                .contains("Each page is saved on its own")
                .contains("Save this page").containsPattern("id=\"save-entry-next\"[^>]*value=\"2\"")
                .containsPattern("aria-label=\"Page 1 of 2\"\\s+aria-current=\"page\"")
                .contains("href=\"/metrics/entry?month=" + MONTH + "&amp;manager=" + manager + "&amp;page=2\"");
        // No link backwards from the first page, and no ??key?? anywhere.
        assertThat(html).doesNotContain("rel=\"prev\"").doesNotContain("??");
    }

    @Test
    void theSecondPageShowsTheRestAndAPageOutOfRangeOrNotANumberIsClampedNeverAnError() throws Exception {
        String second = page(asManager(get("/metrics/entry").param("month", MONTH).param("page", "2")));
        assertThat(second).contains("Clients 51–60 of 60").contains("pg Client 051").contains("pg Client 060")
                .doesNotContain("pg Client 050").doesNotContain("id=\"save-entry-next\"")
                .containsPattern("aria-label=\"Page 2 of 2\"\\s+aria-current=\"page\"");
        assertThat(page(asManager(get("/metrics/entry").param("month", MONTH).param("page", "99"))))
                .contains("Clients 51–60 of 60");
        assertThat(page(asManager(get("/metrics/entry").param("month", MONTH).param("page", "99999999999999"))))
                .contains("Clients 51–60 of 60");
        for (String nonsense : new String[] { "0", "-3", "abc", "" }) {
            assertThat(page(asManager(get("/metrics/entry").param("month", MONTH).param("page", nonsense))))
                    .as("page=%s", nonsense).contains("Clients 1–50 of 60");
        }
    }

    @Test
    void inItalianTheCountAndThePagerAreItalian() throws Exception {
        String html = page(get("/metrics/entry").param("month", MONTH).param("page", "2")
                .with(user("pg-am").roles("ACCOUNT_MANAGER")).locale(Locale.ITALIAN));
        assertThat(html).contains("Clienti 51–60 di 60").contains("Pagina 1 di 2").contains("Salva questa pagina")
                .contains("Ogni pagina si salva a parte").contains("Precedente").doesNotContain("??");
    }

    @Test
    void theNameFilterCountsItsMatchesAndStaysInThePageLinksAndMonthLinks() throws Exception {
        String html = page(asManager(get("/metrics/entry").param("month", MONTH).param("q", "client 05")));
        assertThat(html).contains("10 clients").contains("whose name contains &quot;client 05&quot;")
                .contains("pg Client 050").contains("pg Client 059").doesNotContain("pg Client 049")
                .contains("Save all").doesNotContain("Save this page")
                .contains("/metrics/entry?month=2025-06&amp;manager=" + manager + "&amp;q=client+05\"");
        assertThat(page(asManager(get("/metrics/entry").param("month", MONTH).param("q", "nobody like this"))))
                .contains("No client here has a name containing &quot;nobody like this&quot;.");
    }

    @Test
    void theOwnerKeepsTheChosenManagerAndFilterAcrossPages() throws Exception {
        String html = page(get("/metrics/entry").param("month", MONTH).param("manager", String.valueOf(manager))
                .param("q", "pg client").with(user("pg-owner").roles("OWNER")).locale(Locale.ENGLISH));
        assertThat(html).contains("Clients 1–50 of 60")
                .contains("href=\"/metrics/entry?month=" + MONTH + "&amp;manager=" + manager
                        + "&amp;q=pg+client&amp;page=2\"");
    }

    @Test
    void savingTheSecondPageSavesItsRowsAndReturnsToItSayingOtherPagesAreSeparate() throws Exception {
        long last = client(60);
        MvcResult saved = mvc.perform(asManager(post("/metrics/entry")).with(csrf()).param("month", MONTH)
                        .param("manager", String.valueOf(manager)).param("page", "2")
                        .param("client", String.valueOf(client(59)), String.valueOf(last))
                        .param("c" + last + ".new_tickets", "8"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/metrics/entry?month=" + MONTH + "&manager=" + manager + "&page=2"))
                .andReturn();
        assertThat(jdbc.queryForObject("select new_tickets from monthly_snapshot where client_id = ? "
                + "and month = '2025-07-01'", Integer.class, last)).isEqualTo(8);
        // Follow the redirect in the same session, as a browser does: the message travels as a flash attribute.
        String html = page(asManager(get(saved.getResponse().getRedirectedUrl()))
                .cookie(saved.getResponse().getCookies()));
        assertThat(html).contains("The month was saved for the 2 clients shown on page 2 of 2.")
                .contains("Other pages are saved separately.")
                .containsPattern("name=\"c" + last + "\\.new_tickets\"\\s+value=\"8\"");
    }

    @Test
    void saveAndNextPageOpensTheNextPageAfterSaving() throws Exception {
        long first = client(1);
        mvc.perform(asManager(post("/metrics/entry")).with(csrf()).param("month", MONTH).param("page", "1")
                        .param("go", "2").param("client", String.valueOf(first))
                        .param("c" + first + ".escalations", "1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/metrics/entry?month=" + MONTH + "&manager=" + manager + "&page=2"))
                .andExpect(flash().attribute("pageSaved", java.util.Map.of("changed", true, "page", 1, "pages", 2, "clients", 1)));
    }

    @Test
    void aRefusedCellOnTheSecondPageSavesNothingAndKeepsThatPageWithEveryTypedValue() throws Exception {
        long a = client(55);
        long b = client(56);
        String html = mvc.perform(asManager(post("/metrics/entry")).with(csrf()).param("month", "2025-08")
                        .param("page", "2").param("go", "3").param("client", String.valueOf(a), String.valueOf(b))
                        .param("c" + a + ".revenue", "1200.50").param("c" + b + ".new_tickets", "-1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("1 cell needs correcting: nothing was saved.").contains("value=\"1200.50\"")
                .contains("value=\"-1\"").contains("Clients 51–60 of 60")
                .contains("name=\"page\" value=\"2\"").contains("entry-unsaved-initially");
        assertThat(jdbc.queryForObject("select count(*) from monthly_snapshot where client_id in (?, ?) "
                + "and month = '2025-08-01'", Integer.class, a, b)).isZero();
    }

    @Test
    void aClientOfAnotherPageOfTheSameScopeIsAcceptedButNeverAClientOutsideIt() throws Exception {
        long onPageOne = client(3);
        mvc.perform(asManager(post("/metrics/entry")).with(csrf()).param("month", MONTH).param("page", "2")
                        .param("client", String.valueOf(onPageOne)).param("c" + onPageOne + ".late_payments", "2"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select late_payments from monthly_snapshot where client_id = ? "
                + "and month = '2025-07-01'", Integer.class, onPageOne)).isEqualTo(2);

        long notMine = jdbc.queryForObject("select id from client where name = 'pg Not mine'", Long.class);
        mvc.perform(asManager(post("/metrics/entry")).with(csrf()).param("month", MONTH).param("page", "2")
                        .param("manager", "all").param("client", String.valueOf(notMine))
                        .param("c" + notMine + ".late_payments", "2"))
                .andExpect(status().isForbidden());
        // A filter narrows what is shown, never what is allowed, and never widens it.
        mvc.perform(asManager(post("/metrics/entry")).with(csrf()).param("month", MONTH).param("q", "not mine")
                        .param("client", String.valueOf(notMine)).param("c" + notMine + ".late_payments", "2"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from monthly_snapshot where client_id = ?", Integer.class,
                notMine)).isZero();
    }
}
