package com.mspscorecard.scoring;

import com.mspscorecard.scoring.internal.ModelRows;
import com.mspscorecard.scoring.internal.ScoringInputs;
import com.mspscorecard.scoring.internal.MonthlyPortfolios;
import com.mspscorecard.scoring.internal.ScoreStore;
import com.mspscorecard.scoring.internal.ScoredMonth;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Set;

import com.mspscorecard.metrics.SnapshotsChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scoring benchmark of bench/README.md, run by {@code bench/scoring-bench.sh} (not part of the
 * normal build: the name does not end in Tests). 2,000 clients × 60 months loaded with SQL into a
 * database of its own, a full rescore, then single-client rescores after one snapshot edit. It
 * runs only with {@code -Dscoring.bench=true} (the script sets it): a pattern such as
 * {@code -Dtest='com.mspscorecard.scoring.**'} would otherwise pick it up, spend minutes, and share
 * its 2,000 clients with the other fresh-database test class. The extra property gives it a
 * Spring context, and so a database, of its own.
 */
@SpringBootTest(properties = {"scorecard.test.fresh-database=true", "scorecard.test.context=scoring-benchmark"})
@EnabledIfSystemProperty(named = "scoring.bench", matches = "true")
class ScoringBenchmark {

    static final int CLIENTS = 2_000;
    static final int MONTHS = 60;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScoringService scoring;

    @Autowired
    ScoringInputs inputs;

    @Autowired
    MonthlyPortfolios monthlyPortfolios;

    @Autowired
    ModelRows models;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void fullAndSingleClientRescoring() {
        YearMonth first = YearMonth.of(2021, 1);
        jdbc.update("""
                insert into client (name, payment_terms, endpoints)
                select 'bench-' || g, (array['NET_30','NET_15','PREPAID','NET_45'])[1 + g % 4], 5 + g % 80
                from generate_series(1, ?) g""", CLIENTS);
        long loadStart = System.nanoTime();
        jdbc.update("""
                insert into monthly_snapshot (client_id, month, new_tickets, reopened_tickets, admin_requests,
                    escalations, invoices_issued, disputed_invoices, late_payments, avg_days_to_pay, revenue,
                    delivery_cost, hours_spent, recommendations_made, recommendations_implemented,
                    recommendations_ignored, security_incidents, endpoints)
                select c.id, (?::date + make_interval(months => m))::date,
                       (c.id * 7 + m * 3) % 60, (c.id + m) % 5, (c.id + m) % 9, (c.id * m) % 4 / 3, 1 + m % 2,
                       case when (c.id + m) % 23 = 0 then 1 else 0 end,
                       case when (c.id * 3 + m) % 29 = 0 then 1 else 0 end,
                       20 + (c.id + m) % 40, 1000 + (c.id * 37) % 9000, 400 + (c.id * 53 + m * 11) % 5000,
                       5 + (c.id * 13 + m) % 90, m % 3, (m % 3) / 2, (m % 3 + c.id) % 2,
                       case when (c.id + m * 5) % 31 = 0 then 1 else 0 end, 5 + c.id % 80
                from client c cross join generate_series(0, ? - 1) m
                where c.name like 'bench-%'""", first.atDay(1), MONTHS);
        // What autovacuum does within a minute of such a load on a real database: without the
        // statistics the planner takes the 120,000 fresh rows for a handful and picks nested loops,
        // and without the visibility map no index-only scan is possible.
        jdbc.execute("analyze client");
        jdbc.execute("vacuum analyze monthly_snapshot");
        System.out.printf("BENCH loaded %d snapshots with SQL (then vacuum analyze) in %d ms%n",
                jdbc.queryForObject("select count(*) from monthly_snapshot", Integer.class),
                (System.nanoTime() - loadStart) / 1_000_000);

        ScoringService.RescoreSummary warmUp = scoring.rescoreAll();
        // CPU time as well as wall time: on a machine shared by several builds the wall time says
        // more about the neighbours than about the code.
        long javaCpu = javaCpuMillis();
        long databaseCpu = databaseCpuMillis();
        ScoringService.RescoreSummary full = scoring.rescoreAll();
        javaCpu = javaCpuMillis() - javaCpu;
        databaseCpu = databaseCpuMillis() - databaseCpu;
        System.out.printf("BENCH full rescore: %d clients, %d scorecards in %d ms (first run %d ms)%n",
                full.clients(), full.scorecards(), full.millis(), warmUp.millis());
        System.out.printf("BENCH of which: %s%n", full.breakdown());
        System.out.printf("BENCH CPU time of the full rescore: JVM %d ms, PostgreSQL backends %d ms%n", javaCpu,
                databaseCpu);
        System.out.printf("BENCH client_score: %s in all, %s a row%n",
                jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size('client_score'))", String.class),
                jdbc.queryForObject("select pg_size_pretty(pg_relation_size('client_score') / count(*)) from client_score",
                        String.class));
        assertThat(full.scorecards()).isEqualTo(CLIENTS * MONTHS);
        if (Boolean.getBoolean("scoring.bench.split")) {
            ScoringInputs.Inputs all = inputs.all();
            java.util.Set<YearMonth> months = new java.util.TreeSet<>();
            all.histories().values().forEach(h -> months.addAll(h.months().keySet()));
            var portfolios = monthlyPortfolios.of(months);
            var model = models.active();
            for (int round = 0; round < 3; round++) {
                long e0 = System.nanoTime();
                java.util.List<ScoredMonth> rows = new java.util.ArrayList<>();
                for (var history : all.histories().values()) {
                    rows.addAll(ScoredMonth.allMonths(model, history, m -> {
                        var p = portfolios.get(m);
                        return p == null ? null : p.position(history.clientId()).orElse(null);
                    }));
                }
                long e1 = System.nanoTime();
                long bytes = 0;
                for (int i = 0; i < rows.size(); i += 240) {
                    bytes += ScoreStore.copyText(model.version(), rows.subList(i, Math.min(rows.size(), i + 240))).length;
                }
                long e2 = System.nanoTime();
                System.out.printf("BENCH split, one thread: engine %d ms, COPY text %d ms (%d MB)%n", (e1 - e0) / 1_000_000,
                        (e2 - e1) / 1_000_000, bytes >> 20);
            }
        }

        long client = jdbc.queryForObject("select min(id) from client where name like 'bench-%'", Long.class);
        // Warm-up edits first (the first one after a full rescore also reads the portfolio's figures
        // into memory), then the measured ones, a month after another as an account manager would.
        int warmUpEdits = 100;
        int measured = 100;
        long[] millis = new long[measured];
        long editsJavaCpu = 0;
        long editsDatabaseCpu = 0;
        for (int i = 0; i < warmUpEdits + measured; i++) {
            YearMonth month = first.plusMonths(10 + i % 40);
            int revenue = 1000 + i * 250;
            int late = i % 2;
            if (i == warmUpEdits) {
                editsJavaCpu = javaCpuMillis();
                editsDatabaseCpu = databaseCpuMillis();
            }
            long start = System.nanoTime();
            transactions.executeWithoutResult(tx -> {
                jdbc.update("update monthly_snapshot set revenue = ?, late_payments = ? where client_id = ? and month = ?",
                        revenue, late, client, month.atDay(1));
                events.publishEvent(new SnapshotsChanged(Set.of(client), Set.of(month)));
            });
            if (i >= warmUpEdits) {
                millis[i - warmUpEdits] = (System.nanoTime() - start) / 1_000_000;
            }
        }
        long[] sorted = millis.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf("BENCH single-client rescore after one snapshot edit (write + rescore + commit), %d edits "
                        + "after %d warm-up edits: mean %.1f ms, median %d ms, 95th percentile %d ms, worst %d ms%n",
                measured, warmUpEdits, java.util.Arrays.stream(millis).average().orElse(0), sorted[measured / 2],
                sorted[(int) Math.ceil(measured * 0.95) - 1], sorted[measured - 1]);
        // One more rescore of the same client, called directly for its breakdown of where the time goes.
        String breakdown = transactions.execute(tx -> scoring.rescoreClients(Set.of(client),
                Set.of(first.plusMonths(10)), false));
        System.out.printf("BENCH a single-client rescore: %s%n", breakdown);
        System.out.printf("BENCH CPU time per edit: JVM %d ms, PostgreSQL backends %d ms%n",
                (javaCpuMillis() - editsJavaCpu) / measured, (databaseCpuMillis() - editsDatabaseCpu) / measured);
    }

    /** CPU time of this JVM (all threads, JIT and GC included). */
    static long javaCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    /** CPU time of the PostgreSQL backends connected to this database, from /proc (same machine). */
    long databaseCpuMillis() {
        long ticks = 0;
        for (Integer pid : jdbc.queryForList(
                "select pid from pg_stat_activity where datname = current_database()", Integer.class)) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (java.io.IOException | RuntimeException e) {
                return -1;
            }
        }
        return ticks * 10;
    }
}
