package com.mspscorecard.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.mspscorecard.scoring.engine.Portfolio;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * A rescore ranks each month's portfolio from the histories it already read; the pages read the
 * figures themselves. Both must give every client the same position, month by month: with gaps,
 * blank revenue, hours or tickets, and clients that left the portfolio.
 */
@SpringBootTest
@Transactional
class MonthlyPortfoliosIntegrationTests {

    private static final YearMonth FIRST = YearMonth.of(2013, 1);
    private static final int MONTHS = 14;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MonthlyPortfolios portfolios;

    @Autowired
    ScoringInputs inputs;

    @Test
    void portfoliosFromTheHistoriesInHandAreThePortfoliosReadFromTheDatabase() {
        String prefix = "portfolio-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Random random = new Random(16);
        for (int c = 0; c < 40; c++) {
            String status = c % 9 == 0 ? "OFFBOARDED" : "ACTIVE";
            long id = jdbc.queryForObject("insert into client (name, status, payment_terms, endpoints) "
                    + "values (?, ?, 'NET_30', 20) returning id", Long.class, prefix + c, status);
            for (int m = 0; m < MONTHS; m++) {
                if (random.nextInt(6) == 0) {
                    continue;
                }
                jdbc.update("insert into monthly_snapshot (client_id, month, new_tickets, revenue, hours_spent) "
                        + "values (?, ?, ?, ?, ?)", id, FIRST.plusMonths(m).atDay(1),
                        random.nextInt(5) == 0 ? null : random.nextInt(60),
                        random.nextInt(5) == 0 ? null : random.nextInt(900_000) / 100.0,
                        random.nextInt(5) == 0 ? null : random.nextInt(9_000) / 100.0);
            }
        }
        List<YearMonth> months = new ArrayList<>();
        for (int m = 0; m < MONTHS; m += 1 + m % 3) {
            months.add(FIRST.plusMonths(m));
        }

        Map<YearMonth, Portfolio> read = portfolios.of(months);
        Map<YearMonth, Portfolio> inHand = portfolios.of(months, inputs.since(FIRST.minusMonths(2)).histories().values());

        assertThat(inHand.keySet()).containsExactlyInAnyOrderElementsOf(months);
        for (YearMonth month : months) {
            assertThat(inHand.get(month).size()).as("%s", month).isEqualTo(read.get(month).size());
            assertThat(inHand.get(month).positions()).as("%s", month).isEqualTo(read.get(month).positions());
        }
        assertThat(read.get(months.get(3)).size()).isGreaterThan(20);
    }
}
