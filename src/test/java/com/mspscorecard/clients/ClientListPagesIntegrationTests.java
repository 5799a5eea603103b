package com.mspscorecard.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Locale;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The clients list in pages, as a person meets it with 120 clients named "pgl Client 001" to
 * "pgl Client 120": every tenth is offboarded, the even ones are pgl-am's, and the contract MRR
 * grows with the number. The current ones (108) fill three pages of 50.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClientListPagesIntegrationTests {

    private static final String SEARCH = "pgl client";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    long manager;

    @BeforeEach
    void portfolio() {
        TestUsers.ensure("pgl-owner", "OWNER");
        TestUsers.ensure("pgl-am", "ACCOUNT_MANAGER");
        TestUsers.ensure("pgl-tech", "STAFF");
        manager = jdbc.queryForObject("select id from app_user where username = 'pgl-am'", Long.class);
        jdbc.update("""
                insert into client (name, status, payment_terms, contract_mrr, account_manager_id)
                select 'pgl Client ' || lpad(i::text, 3, '0'), case when i % 10 = 0 then 'OFFBOARDED' else 'ACTIVE' end,
                       'NET_30', i * 10, case when i % 2 = 0 then ? end
                from generate_series(1, 120) i
                on conflict do nothing""", manager);
    }

    private String page(String user, String role, Locale locale, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/clients").param("q", SEARCH).locale(locale)
                .with(user(user).roles(role));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    private String owner(String... params) throws Exception {
        return page("pgl-owner", "OWNER", Locale.ENGLISH, params);
    }

    @Test
    void manyClientsComeInPagesOfFiftyWithTheCountOfAllMatches() throws Exception {
        String first = owner();
        assertThat(first).contains("<title>Clients, page 1 of 3 · MSP Scorecard</title>")
                .contains("1–50 of 108 clients")
                .contains("pgl Client 001").contains("pgl Client 055").doesNotContain("pgl Client 056")
                .contains("href=\"/clients?q=pgl%20client&amp;page=2\" aria-label=\"Page 2 of 3\"")
                .contains("rel=\"next\" href=\"/clients?q=pgl%20client&amp;page=2\"")
                .contains("aria-label=\"Page 1 of 3\" aria-current=\"page\"")
                .doesNotContain("rel=\"prev\"").contains("aria-disabled=\"true\">Previous</span>");
        String second = owner("page", "2");
        assertThat(second).contains("51–100 of 108 clients").contains("pgl Client 056")
                .doesNotContain("pgl Client 055")
                .contains("rel=\"prev\" href=\"/clients?q=pgl%20client\"")
                .contains("rel=\"next\" href=\"/clients?q=pgl%20client&amp;page=3\"");
        String last = owner("page", "3");
        assertThat(last).contains("101–108 of 108 clients").contains("pgl Client 119")
                .doesNotContain("rel=\"next\"").contains("aria-disabled=\"true\">Next</span>");
    }

    @Test
    void aPageNumberOutOfRangeOrNotANumberShowsTheNearestPage() throws Exception {
        for (String beyond : new String[] { "4", "99", "2147483648", "99999999999999999999999" }) {
            assertThat(owner("page", beyond)).as("page=%s", beyond).contains("101–108 of 108 clients")
                    .contains("pgl Client 119");
        }
        for (String before : new String[] { "0", "-2", "abc", "", "2.5" }) {
            assertThat(owner("page", before)).as("page=%s", before).contains("1–50 of 108 clients")
                    .contains("pgl Client 001");
        }
        mvc.perform(get("/clients").param("q", "no such client anywhere").param("page", "3")
                .with(user("pgl-owner").roles("OWNER")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("No client matches this search.")));
    }

    @Test
    void filtersAndSortStayAcrossPagesAndTheSortLinksKeepTheFilters() throws Exception {
        // pgl-am's clients, offboarded ones included, biggest contract first: 60 of them, page 2 holds 020 down to 002.
        String second = owner("status", "ALL", "manager", String.valueOf(manager), "sort", "contractMrr", "desc", "true",
                "page", "2");
        String filters = "q=pgl%20client&amp;status=ALL&amp;manager=" + manager;
        assertThat(second).contains("51–60 of 60 clients")
                .contains("pgl Client 020").contains("pgl Client 002")
                .doesNotContain("pgl Client 022").doesNotContain("pgl Client 019")
                .contains("rel=\"prev\" href=\"/clients?" + filters + "&amp;sort=contractMrr&amp;desc=true\"")
                .doesNotContain("rel=\"next\"");
        assertThat(second.indexOf("pgl Client 020")).isLessThan(second.indexOf("pgl Client 002"));
        // Sorting again starts at page 1 and keeps the search and the filters.
        assertThat(second).contains("href=\"/clients?" + filters + "\"")
                .contains("href=\"/clients?" + filters + "&amp;sort=contractMrr\"")
                .contains("href=\"/clients?" + filters + "&amp;sort=endpoints\"");
        // The filter form keeps the sort; a new filter starts at page 1.
        assertThat(second).contains("name=\"sort\" value=\"contractMrr\"").doesNotContain("name=\"page\"");
    }

    @Test
    void sortingByManagerFollowsTheirNamesWithUnassignedClientsLastEitherWay() throws Exception {
        TestUsers.ensure("pgm-zed", "ACCOUNT_MANAGER");
        TestUsers.ensure("pgm-abe", "ACCOUNT_MANAGER");
        jdbc.update("""
                insert into client (name, status, payment_terms, account_manager_id)
                values ('pgm Alpha', 'ACTIVE', 'NET_30', null),
                       ('pgm Beta', 'ACTIVE', 'NET_30', (select id from app_user where username = 'pgm-zed')),
                       ('pgm Gamma', 'ACTIVE', 'NET_30', (select id from app_user where username = 'pgm-abe'))
                on conflict do nothing""");
        for (boolean descending : new boolean[] { false, true }) {
            String html = mvc.perform(get("/clients").param("q", "pgm ").param("sort", "manager")
                    .param("desc", String.valueOf(descending)).with(user("pgl-owner").roles("OWNER")))
                    .andReturn().getResponse().getContentAsString();
            int alpha = html.indexOf("pgm Alpha");
            int beta = html.indexOf("pgm Beta");
            int gamma = html.indexOf("pgm Gamma");
            assertThat(html).contains("3 clients");
            if (descending) {
                assertThat(beta).isPositive().isLessThan(gamma);
            }
            else {
                assertThat(gamma).isPositive().isLessThan(beta);
            }
            assertThat(alpha).as("the client without a manager comes last").isGreaterThan(Math.max(beta, gamma));
        }
    }

    @Test
    void italianPagesSayWhereYouAre() throws Exception {
        String second = page("pgl-owner", "OWNER", Locale.ITALIAN, "page", "2");
        assertThat(second).contains("<title>Clienti, pagina 2 di 3 · MSP Scorecard</title>")
                .contains("51–100 di 108 clienti")
                .contains("aria-label=\"Pagine dell&#39;elenco clienti\"")
                .contains(">Precedente</a>").contains(">Successiva</a>")
                .contains("aria-label=\"Pagina 2 di 3\" aria-current=\"page\"")
                .doesNotContain("??");
    }

    @Test
    void staffPageThroughCurrentClientsByNameWithTheirSearch() throws Exception {
        // Figures' filters and sorts are not theirs: ignored, so the pages are the current clients by name.
        String second = page("pgl-tech", "STAFF", Locale.ENGLISH, "page", "2", "status", "ALL", "sort", "contractMrr");
        assertThat(second).contains("51–100 of 108 clients").contains("pgl Client 056")
                .contains("rel=\"next\" href=\"/clients?q=pgl%20client&amp;page=3\"")
                .doesNotContain("pgl Client 060").doesNotContain("contractMrr");
    }
}
