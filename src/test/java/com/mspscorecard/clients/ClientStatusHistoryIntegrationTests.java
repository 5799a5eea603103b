package com.mspscorecard.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.YearMonth;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ClientStatusHistoryIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ClientStatuses statuses;

    @Test
    void aStatusSetByHandTakesEffectTodayAndLeavesEarlierMonthsInThePortfolio() throws Exception {
        TestUsers.ensure("hist-owner", "OWNER");
        mvc.perform(post("/clients").with(csrf()).with(user("hist-owner").roles("OWNER")).param("name", "hist Client")
                .param("status", "ACTIVE").param("paymentTerms", "NET_30")).andExpect(status().is3xxRedirection());
        long id = jdbc.queryForObject("select id from client where name = 'hist Client'", Long.class);
        assertThat(jdbc.queryForObject("select auto_renew from client where id = ?", Boolean.class, id)).isTrue();

        // The form's checkbox unticked (Spring's marker field only) turns auto-renewal off.
        mvc.perform(post("/clients/" + id).with(csrf()).with(user("hist-owner").roles("OWNER")).param("name", "hist Client")
                .param("status", "OFFBOARDED").param("paymentTerms", "NET_30").param("_autoRenew", "on")
                .param("version", "0")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select auto_renew from client where id = ?", Boolean.class, id)).isFalse();
        assertThat(jdbc.queryForObject("select effective_on from client_status_change where client_id = ?",
                LocalDate.class, id)).isEqualTo(LocalDate.now());

        PortfolioMembership membership = statuses.membership();
        assertThat(membership.counts(id, YearMonth.now().minusMonths(1))).isTrue();
        assertThat(membership.counts(id, YearMonth.now().plusMonths(1))).isFalse();
    }

    @Test
    void aChangeDatedLaterIsAppliedOnlyWhenItsDayComes() throws Exception {
        TestUsers.ensure("hist-owner", "OWNER");
        mvc.perform(post("/clients").with(csrf()).with(user("hist-owner").roles("OWNER")).param("name", "hist Later")
                .param("status", "ACTIVE").param("paymentTerms", "NET_30")).andExpect(status().is3xxRedirection());
        long id = jdbc.queryForObject("select id from client where name = 'hist Later'", Long.class);
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.authentication.UsernamePasswordAuthenticationToken("hist-owner", null,
                        java.util.List.of()));
        try {
            statuses.change(id, ClientStatus.OFFBOARDED, LocalDate.now().plusDays(40), new com.mspscorecard.audit.AuditEvent.Word("audit.because.caseCompleted"));
        }
        finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        assertThat(jdbc.queryForObject("select status from client where id = ?", String.class, id)).isEqualTo("ACTIVE");
        jdbc.update("update client_status_change set effective_on = current_date where client_id = ?", id);
        assertThat(statuses.applyDue()).isPositive();
        assertThat(jdbc.queryForObject("select status from client where id = ?", String.class, id)).isEqualTo("OFFBOARDED");
    }
}
