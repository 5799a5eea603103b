package com.mspscorecard.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class MonthlyEntryIntegrationTests {

    static final String MONTH = "2025-06";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SnapshotWriter writer;

    @Autowired
    TransactionTemplate transactions;

    long manager;

    long first;

    long second;

    @BeforeEach
    void clients() {
        TestUsers.ensure("met-am", "ACCOUNT_MANAGER");
        TestUsers.ensure("met-other", "ACCOUNT_MANAGER");
        manager = jdbc.queryForObject("select id from app_user where username = 'met-am'", Long.class);
        first = client("met First", manager);
        second = client("met Second", manager);
        client("met Not mine", jdbc.queryForObject("select id from app_user where username = 'met-other'", Long.class));
    }

    private long client(String name, long managerId) {
        jdbc.update("insert into client (name, account_manager_id) values (?, ?) on conflict do nothing", name, managerId);
        return jdbc.queryForObject("select id from client where name = ?", Long.class, name);
    }

    @Test
    void theGridShowsOneRowPerClientOfTheManagerPrefilledWithStoredFigures() throws Exception {
        jdbc.update("insert into monthly_snapshot (client_id, month, new_tickets) values (?, '2025-05-01', 17) "
                + "on conflict do nothing", first);
        mvc.perform(get("/metrics/entry").param("month", "2025-05").with(user("met-am").roles("ACCOUNT_MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("met First")))
                .andExpect(content().string(containsString("met Second")))
                .andExpect(content().string(not(containsString("met Not mine"))))
                .andExpect(content().string(org.hamcrest.Matchers.matchesRegex(
                        "(?s).*name=\"c" + first + "\\.new_tickets\"\\s+value=\"17\".*")));
    }

    @Test
    void theClientsHistoryShowsEachStoredFigureAndADashForNoData() throws Exception {
        jdbc.update("insert into monthly_snapshot (client_id, month, new_tickets, revenue) values (?, '2025-03-01', 23, 1234.5) "
                + "on conflict do nothing", second);
        String html = mvc.perform(get("/clients/{id}/months", second).with(user("met-am").roles("ACCOUNT_MANAGER")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(html).contains("2025-03").contains(">23<").contains("1,234.50")
                .contains("—");
    }

    @Test
    void oneInvalidCellSavesNothingAndKeepsEveryTypedValue() throws Exception {
        mvc.perform(post("/metrics/entry").with(csrf()).with(user("met-am").roles("ACCOUNT_MANAGER"))
                        .param("month", MONTH).param("client", String.valueOf(first), String.valueOf(second))
                        .param("c" + first + ".new_tickets", "12").param("c" + first + ".revenue", "1500.50")
                        .param("c" + second + ".new_tickets", "-3").param("c" + second + ".hours_spent", "7,5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 cell needs correcting: nothing was saved.")))
                .andExpect(content().string(containsString("Must be 0 or more.")))
                .andExpect(content().string(containsString("value=\"1500.50\"")))
                .andExpect(content().string(containsString("value=\"-3\"")))
                .andExpect(content().string(containsString("value=\"7,5\"")));
        assertThat(jdbc.queryForObject("select count(*) from monthly_snapshot where client_id in (?, ?) and month = ?",
                Integer.class, first, second, java.time.LocalDate.parse(MONTH + "-01"))).isZero();

        mvc.perform(post("/metrics/entry").with(csrf()).with(user("met-am").roles("ACCOUNT_MANAGER"))
                        .param("month", MONTH).param("client", String.valueOf(first), String.valueOf(second))
                        .param("c" + first + ".new_tickets", "12").param("c" + first + ".revenue", "1500.50")
                        .param("c" + second + ".new_tickets", "3").param("c" + second + ".hours_spent", "7,5"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForMap("select new_tickets, revenue, escalations from monthly_snapshot "
                + "where client_id = ? and month = '2025-06-01'", first))
                .containsEntry("new_tickets", 12).containsEntry("revenue", new BigDecimal("1500.50"))
                .containsEntry("escalations", null);
        assertThat(jdbc.queryForObject("select hours_spent from monthly_snapshot where client_id = ? "
                + "and month = '2025-06-01'", BigDecimal.class, second)).isEqualByComparingTo("7.5");
        // One save of a client's month is one audit entry naming every field it changed.
        assertThat(jdbc.queryForList("select c->>'field' || ':' || coalesce(c->>'old', '') || '>' || (c->>'new') "
                + "from audit_entry, jsonb_array_elements(changes) c where client_id = ? and entity_type = 'SNAPSHOT' "
                + "and actor = 'met-am' and args->1->>'m' = '2025-06' order by 1", String.class, first))
                .containsExactly("new_tickets:>12", "revenue:>1500.50");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where client_id = ? and entity_type = 'SNAPSHOT' "
                + "and args->1->>'m' = '2025-06'", Integer.class, first)).isOne();
    }

    @Test
    void anAccountManagerCannotWriteAnotherManagersClientThroughTheGrid() throws Exception {
        long notMine = jdbc.queryForObject("select id from client where name = 'met Not mine'", Long.class);
        mvc.perform(post("/metrics/entry").with(csrf()).with(user("met-am").roles("ACCOUNT_MANAGER"))
                        .param("month", MONTH).param("client", String.valueOf(notMine))
                        .param("c" + notMine + ".new_tickets", "1"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aFutureMonthIsRefusedOnTheMonthForm() throws Exception {
        String future = YearMonth.now().plusMonths(1).toString();
        mvc.perform(post("/clients/" + first + "/months").with(csrf()).with(user("met-am").roles("ACCOUNT_MANAGER"))
                        .param("month", future).param("new_tickets", "4"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("has not started yet")))
                .andExpect(content().string(containsString("value=\"4\"")));
        assertThat(jdbc.queryForObject("select count(*) from monthly_snapshot where client_id = ? and month > now()",
                Integer.class, first)).isZero();
    }

    @Test
    @WithMockUser(username = "met-am", roles = "ACCOUNT_MANAGER")
    void auditRowsRollBackWithTheirSnapshot() {
        YearMonth month = YearMonth.of(2025, 2);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            writer.write(List.of(new SnapshotFigures(second, month, Map.of(Metric.ESCALATIONS, BigDecimal.ONE))),
                    EnumSet.allOf(Metric.class));
            throw new IllegalStateException("something later in the same transaction failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.queryForObject("select count(*) from monthly_snapshot where client_id = ? and month = '2025-02-01'",
                Integer.class, second)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where client_id = ? and args->1->>'m' = '2025-02'",
                Integer.class, second)).isZero();
    }
}
