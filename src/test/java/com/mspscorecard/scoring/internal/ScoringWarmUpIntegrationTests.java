package com.mspscorecard.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.mspscorecard.metrics.SnapshotQueries;
import com.mspscorecard.scoring.ScorecardQueries;
import com.mspscorecard.scoring.ScoringService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The start-up warm-up rehearses an import of the latest month against the real database: starting a
 * server must leave every stored scorecard, and every change mark the pages' caches read, as it was.
 */
@SpringBootTest
class ScoringWarmUpIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScoringService scoring;

    @Autowired
    ChangedMonthsRescore changedMonths;

    @Autowired
    ModelRows models;

    @Autowired
    SnapshotQueries snapshots;

    @Autowired
    ScorecardQueries scorecards;

    @Autowired
    Clock clock;

    @Test
    void rehearsingTheLatestMonthScoresEveryClientOfThatMonthAndWritesNothing() throws Exception {
        String prefix = "warm-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        for (int c = 0; c < 3; c++) {
            long id = jdbc.queryForObject("insert into client (name, status, payment_terms, endpoints) "
                    + "values (?, 'ACTIVE', 'NET_30', 20) returning id", Long.class, prefix + c);
            for (int m = 0; m < 8; m++) {
                jdbc.update("insert into monthly_snapshot (client_id, month, new_tickets, late_payments, revenue, "
                        + "delivery_cost, hours_spent) values (?, ?, ?, ?, ?, ?, ?)", id, last.minusMonths(m).atDay(1),
                        10 + c * m, m % 3 == 0 ? 1 : 0, 1000 + 100 * c, 400 + 50 * m, 5 + m);
            }
        }
        scoring.rescoreAll();
        List<String> storedBefore = stored();
        List<String> marksBefore = marks();

        YearMonth latest = snapshots.latestMonth().orElseThrow();
        int withLatest = jdbc.queryForObject("select count(*) from monthly_snapshot where month = ?", Integer.class,
                latest.atDay(1));
        assertThat(changedMonths.rehearse(models.active(), Set.of(), List.of(latest))).isEqualTo(withLatest);
        new ScoringWarmUp(changedMonths, models, snapshots, scorecards).run(null);

        assertThat(stored()).containsExactlyElementsOf(storedBefore);
        assertThat(marks()).containsExactlyElementsOf(marksBefore);
    }

    /** Every stored scorecard with the transaction that wrote it. */
    private List<String> stored() {
        return jdbc.queryForList("select xmin::text || ' ' || s::text from client_score s "
                + "order by model_version, client_id, month", String.class);
    }

    private List<String> marks() {
        return jdbc.queryForList("select m::text from change_mark m order by 1", String.class);
    }
}
