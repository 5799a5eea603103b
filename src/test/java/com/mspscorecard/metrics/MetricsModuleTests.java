package com.mspscorecard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/** Metrics boot with their dependencies only; writing a month announces which clients and months changed. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class MetricsModuleTests {

    @Autowired
    SnapshotWriter writer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    @WithMockUser(username = "metrics-module", roles = "OWNER")
    void writingAMonthPublishesWhatChanged(AssertablePublishedEvents events) {
        long client = jdbc.queryForObject("insert into client (name) values (?) returning id", Long.class,
                "metrics-module " + UUID.randomUUID().toString().substring(0, 8));
        YearMonth month = YearMonth.of(2025, 3);
        int written = transactions.execute(status -> writer.write(
                List.of(new SnapshotFigures(client, month, Map.of(Metric.NEW_TICKETS, BigDecimal.TEN))),
                EnumSet.allOf(Metric.class)));

        assertThat(written).isOne();
        assertThat(events).contains(SnapshotsChanged.class)
                .matching(e -> e.clientIds().contains(client) && e.months().contains(month));
    }
}
