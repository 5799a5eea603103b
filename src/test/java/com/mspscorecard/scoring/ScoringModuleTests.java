package com.mspscorecard.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/**
 * Scoring boots with the modules it reads (clients, metrics, incidents, voting, audit, web) and keeps
 * scores current by listening: a month written elsewhere gets its scorecard without anyone asking.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class ScoringModuleTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScorecardQueries scorecards;

    @Test
    void aMonthWrittenElsewhereIsScoredByTheListener(Scenario scenario) {
        long client = jdbc.queryForObject("insert into client (name) values (?) returning id", Long.class,
                "scoring-module " + UUID.randomUUID().toString().substring(0, 8));
        jdbc.update("insert into monthly_snapshot (client_id, month, new_tickets, revenue, late_payments) "
                + "values (?, '2025-04-01', 3, 1000, 0)", client);
        YearMonth month = YearMonth.of(2025, 4);

        scenario.publish(new com.mspscorecard.metrics.SnapshotsChanged(java.util.Set.of(client), java.util.Set.of(month)))
                .andWaitForStateChange(() -> jdbc.queryForObject(
                        "select count(*) from client_score where client_id = ?", Integer.class, client),
                        count -> count > 0)
                .andVerify(count -> assertThat(count).isPositive());
    }
}
