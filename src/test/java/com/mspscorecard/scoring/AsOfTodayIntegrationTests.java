package com.mspscorecard.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;

import com.mspscorecard.clients.ClientTermsChanged;
import com.mspscorecard.incidents.IncidentsChanged;
import com.mspscorecard.metrics.SnapshotsChanged;
import com.mspscorecard.scoring.internal.DailyRescore;
import com.mspscorecard.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13 item 1, product specification §3 "as of today": a red flag counts the day it is logged,
 * though the client's latest figures are last month's, and leaves the window at midnight in the
 * installation's time zone once the daily rescore has run. The clock is the installation's, fixed
 * here at 27 November 2026, 10:00 in Rome, and moved by hand.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AsOfTodayIntegrationTests {

    static final ZoneId ROME = ZoneId.of("Europe/Rome");
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    /** A clock the test moves; the application reads "today" from it in Rome's time zone. */
    static final class MovableClock extends Clock {
        private volatile Instant now = TODAY.atTime(10, 0).atZone(ROME).toInstant();

        @Override
        public ZoneId getZone() {
            return ROME;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }

        void set(LocalDate day, int hour, int minute) {
            now = day.atTime(hour, minute).atZone(ROME).toInstant();
        }
    }

    @TestConfiguration
    static class Today {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    MovableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ScorecardQueries scorecards;

    @Autowired
    DailyRescore daily;

    @BeforeEach
    void today() {
        clock.set(TODAY, 10, 0);
        TestUsers.ensure("today-owner", "OWNER");
    }

    @Test
    void anAbusiveIncidentLoggedTodayMakesTheClientOffboardTodayOnTheScorecardTheListAndTheDashboard()
            throws Exception {
        long id = goodClientWithOctoberFigures("logged-today");
        assertThat(scorecards.ofClient(id, OCTOBER).orElseThrow().recommendation()).isEqualTo("KEEP");

        logIncident(id, TODAY, "ABUSIVE_TREATMENT");

        ScorecardView card = scorecards.ofClient(id, OCTOBER).orElseThrow();
        assertThat(card.recommendation()).isEqualTo("OFFBOARD");
        assertThat(card.dealbreakers()).extracting(ScorecardView.Reason::key).containsExactly("abusive_treatment");
        // The red-flag rule counts it too, over its 12 months to today.
        assertThat(card.rules()).filteredOn(rule -> rule.rule().equals("red_flag_incidents"))
                .singleElement().satisfies(rule -> assertThat(rule.value()).isEqualByComparingTo("1"));
        mvc.perform(get("/api/v1/clients/" + id + "/scorecard").with(user("today-owner").roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.month").value("2026-10"))
                .andExpect(jsonPath("$.recommendation").value("OFFBOARD"))
                .andExpect(jsonPath("$.dealbreakers[0]").value(Matchers.containsString("abusive")));
        // The list and the dashboard read the month's portfolio of stored scorecards.
        assertThat(scorecards.portfolio(OCTOBER).scorecards()).filteredOn(c -> c.clientId() == id)
                .singleElement().extracting(ScorecardView::recommendation).isEqualTo("OFFBOARD");
        mvc.perform(get("/api/v1/scorecards").param("month", "2026-10").with(user("today-owner").roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.client_id == " + id + ")].recommendation").value(Matchers.contains("OFFBOARD")));
    }

    @Test
    void anIncidentLeavingTheWindowAtMidnightChangesTheScoreAfterTheDailyRescore() {
        long id = goodClientWithOctoberFigures("leaving");
        // Twelve months to 27 November 2026 begin on 28 November 2025: the incident's last day in the window.
        logIncident(id, LocalDate.of(2025, 11, 28), "ABUSIVE_TREATMENT");
        ScorecardView before = scorecards.ofClient(id, OCTOBER).orElseThrow();
        assertThat(before.recommendation()).isEqualTo("OFFBOARD");

        clock.set(TODAY.plusDays(1), 0, 1);
        daily.rescoreAsOfToday();

        ScorecardView after = scorecards.ofClient(id, OCTOBER).orElseThrow();
        assertThat(after.recommendation()).isEqualTo("KEEP");
        assertThat(after.dealbreakers()).isEmpty();
        assertThat(after.score()).isGreaterThan(before.score());
    }

    @Test
    void earlierMonthsKeepTheirMonthEndWindows() {
        long id = goodClientWithOctoberFigures("history");
        writeSnapshot(id, OCTOBER.minusMonths(1));
        logIncident(id, TODAY, "ABUSIVE_TREATMENT");

        assertThat(scorecards.ofClient(id, OCTOBER).orElseThrow().recommendation()).isEqualTo("OFFBOARD");
        assertThat(scorecards.ofClient(id, OCTOBER.minusMonths(1)).orElseThrow().recommendation()).isEqualTo("KEEP");
    }

    private long goodClientWithOctoberFigures(String suffix) {
        long id = transactions.execute(tx -> {
            long created = jdbc.queryForObject("insert into client (name, payment_terms, endpoints) "
                    + "values (?, 'NET_30', 10) returning id", Long.class, "today-" + suffix + "-" + System.nanoTime());
            events.publishEvent(new ClientTermsChanged(created));
            return created;
        });
        writeSnapshot(id, OCTOBER);
        return id;
    }

    /** A month every rule likes. */
    private void writeSnapshot(long id, YearMonth month) {
        transactions.executeWithoutResult(tx -> {
            jdbc.update("""
                    insert into monthly_snapshot (client_id, month, new_tickets, reopened_tickets, admin_requests,
                        escalations, invoices_issued, disputed_invoices, late_payments, avg_days_to_pay, revenue,
                        delivery_cost, recommendations_implemented, recommendations_ignored, security_incidents)
                    values (?, ?, 2, 0, 1, 0, 2, 0, 0, 20, 1000, 200, 4, 0, 0)""", id, month.atDay(1));
            events.publishEvent(new SnapshotsChanged(Set.of(id), Set.of(month)));
        });
    }

    private void logIncident(long id, LocalDate day, String category) {
        long owner = jdbc.queryForObject("select id from app_user where username = 'today-owner'", Long.class);
        transactions.executeWithoutResult(tx -> {
            jdbc.update("insert into incident (client_id, occurred_on, category, description, logged_by_id) "
                    + "values (?, ?, ?, 'Shouted at a technician', ?)", id, day, category, owner);
            events.publishEvent(new IncidentsChanged(id));
        });
    }
}
