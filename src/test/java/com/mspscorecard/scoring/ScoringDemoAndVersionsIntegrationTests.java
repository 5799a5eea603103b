package com.mspscorecard.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mspscorecard.metrics.SnapshotsChanged;
import com.mspscorecard.scoring.engine.GradeBands;
import com.mspscorecard.scoring.engine.ScoringModel;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On a database of its own: the demo needs an empty client table, and activating a model
 * version would change every other test class's scores.
 */
@SpringBootTest(properties = "scorecard.test.fresh-database=true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScoringDemoAndVersionsIntegrationTests {

    @Autowired
    com.mspscorecard.users.DemoPortfolio demo;

    @Autowired
    ScorecardQueries scorecards;

    @Autowired
    ScoringModels models;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ScoringService scoring;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    @Order(1)
    void theDemoPortfolioHasFortyClientsAndEveryRecommendationLastMonth() {
        // TestUsers writes to the shared database; this context has its own.
        jdbc.update("insert into app_user (username, display_name, role, password_hash) "
                + "values ('score-demo-owner', 'Demo owner', 'OWNER', '{noop}unused')");
        demo.loadIfEmpty();

        YearMonth last = YearMonth.now(clock).minusMonths(1);
        assertThat(scorecards.latestMonth()).contains(last);
        PortfolioView portfolio = scorecards.portfolio(last);
        assertThat(portfolio.scorecards()).hasSize(40);
        Map<String, Long> kinds = portfolio.scorecards().stream()
                .collect(Collectors.groupingBy(ScorecardView::recommendation, Collectors.counting()));
        assertThat(kinds).containsKeys("OFFBOARD", "CONSIDER_OFFBOARDING", "RAISE_PRICE", "WATCH", "KEEP",
                "INSUFFICIENT_DATA");
        assertThat(portfolio.scorecards()).anySatisfy(card -> assertThat(card.dependencyRisk()).isTrue());
        assertThat(portfolio.scorecards()).anySatisfy(card -> assertThat(card.suggestedMonthlyPrice()).isNotNull());
        assertThat(portfolio.pareto().revenueShareOfTop20()).isGreaterThan(new BigDecimal("0.4"));
        assertThat(portfolio.pareto().scatter()).anySatisfy(point -> assertThat(point.drain()).isTrue());
        // Two years of figures up to last month.
        assertThat(scorecards.months()).hasSize(24);
        assertThat(jdbc.queryForObject("select count(*) from incident", Integer.class)).isPositive();
    }

    @Test
    @Order(2)
    void theDemoRefusesToRunWhenClientsExist() {
        int before = jdbc.queryForObject("select count(*) from client", Integer.class);
        demo.loadIfEmpty();
        assertThat(jdbc.queryForObject("select count(*) from client", Integer.class)).isEqualTo(before);
    }

    @Test
    @Order(2)
    void oneEditStoresWhatAFullRescoreWouldEvenWhereItMovesOtherClients() {
        // A small client's revenue jumps past everyone's: the portfolio of three months shifts, the
        // big client may stop being a dependency risk, drains move. The single-client path rescores
        // the client and only the other client-months whose verdict moves; the result must be what
        // rescoring everything gives.
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        long small = jdbc.queryForObject("""
                select client_id from monthly_snapshot s join client c on c.id = s.client_id
                where c.status = 'ACTIVE' and s.month = ? and s.revenue is not null
                order by s.revenue, s.client_id limit 1""", Long.class, last.atDay(1));
        transactions.executeWithoutResult(tx -> {
            jdbc.update("update monthly_snapshot set revenue = 250000 where client_id = ? and month = ?", small,
                    last.atDay(1));
            events.publishEvent(new SnapshotsChanged(Set.of(small), Set.of(last)));
        });
        List<Map<String, Object>> afterEdit = jdbc.queryForList(VERDICTS);
        assertThat(afterEdit).anySatisfy(row -> {
            assertThat(row.get("client_id")).isEqualTo(small);
            assertThat(row.get("dependency_risk")).isEqualTo(true);
        });

        scoring.rescoreAll();
        assertThat(jdbc.queryForList(VERDICTS)).containsExactlyElementsOf(afterEdit);
    }

    @Test
    @Order(2)
    void twoEditsOfTheSameClientAtOnceBothSaveAndLeaveTheScoresAFullRescoreGives() throws Exception {
        // Two account managers save neighbouring months of one client at the same moment: both
        // rescorings replace the same client-months. The second must wait for the first and then
        // build on it, not fail on the primary key or keep scores computed without the first edit.
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        long client = jdbc.queryForObject("""
                select client_id from monthly_snapshot where month = ? and revenue is not null
                order by client_id limit 1""", Long.class, last.atDay(1));
        java.util.concurrent.CountDownLatch firstRescored = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch mayCommit = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<?> first = pool.submit(() -> transactions.executeWithoutResult(tx -> {
                jdbc.update("update monthly_snapshot set late_payments = 3, revenue = revenue + 700 "
                        + "where client_id = ? and month = ?", client, last.minusMonths(1).atDay(1));
                events.publishEvent(new SnapshotsChanged(Set.of(client), Set.of(last.minusMonths(1))));
                firstRescored.countDown();
                await(mayCommit);
            }));
            assertThat(firstRescored.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            java.util.concurrent.Future<?> second = pool.submit(() -> transactions.executeWithoutResult(tx -> {
                jdbc.update("update monthly_snapshot set late_payments = 2, revenue = revenue + 900 "
                        + "where client_id = ? and month = ?", client, last.atDay(1));
                events.publishEvent(new SnapshotsChanged(Set.of(client), Set.of(last)));
            }));
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!second.isDone() && jdbc.queryForObject("""
                    select count(*) from pg_stat_activity
                    where datname = current_database() and wait_event_type = 'Lock'""", Long.class) == 0) {
                assertThat(System.nanoTime()).as("the second edit reaches the first one's scores").isLessThan(deadline);
                Thread.sleep(10);
            }
            mayCommit.countDown();
            first.get(30, java.util.concurrent.TimeUnit.SECONDS);
            second.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            mayCommit.countDown();
            pool.shutdownNow();
        }
        List<Map<String, Object>> afterEdits = jdbc.queryForList(VERDICTS);
        scoring.rescoreAll();
        assertThat(jdbc.queryForList(VERDICTS)).containsExactlyElementsOf(afterEdits);
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            assertThat(latch.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What an owner reads in every stored scorecard of the active version. */
    private static final String VERDICTS = """
            select client_id, month, score, grade, recommendation, drain, dependency_risk, worsening,
                   suggested_monthly_price, reasons
            from client_score where model_version = (select version from scoring_model where status = 'ACTIVE')
            order by client_id, month""";

    @Test
    @Order(3)
    void activatingADraftRescoresEverythingAndTheEarlierVersionStaysReadable() {
        YearMonth last = scorecards.latestMonth().orElseThrow();
        Map<Long, ScorecardView> before = byClient(scorecards.portfolio(last).scorecards());
        int oldVersion = models.active().version();

        ScoringModel draft = models.createDraft();
        assertThat(draft.version()).isEqualTo(oldVersion + 1);
        GradeBands strict = new GradeBands(BigDecimal.valueOf(99), BigDecimal.valueOf(98), BigDecimal.valueOf(97),
                BigDecimal.valueOf(96));
        ScoringModel stricter = new ScoringModel(draft.version(), draft.rules(), draft.dealbreakers(), strict,
                draft.minimumCompleteness(), draft.worseningPoints(), draft.drainRevenueTopPercent(),
                draft.drainEffortTopPercent(), draft.targetMargin(), draft.dependencyShare());
        models.saveDraft(stricter);
        List<ScoringModels.PreviewLine> preview = models.preview(draft.version());
        assertThat(preview).hasSize(40).anySatisfy(line -> assertThat(line.changed()).isTrue());
        assertThat(scorecards.portfolio(last).modelVersion()).isEqualTo(oldVersion);

        models.activate(draft.version());

        PortfolioView after = scorecards.portfolio(last);
        assertThat(after.modelVersion()).isEqualTo(draft.version());
        assertThat(after.scorecards()).hasSize(40).filteredOn(card -> card.grade() != null).allSatisfy(card ->
                assertThat(card.grade()).isEqualTo(strict.gradeOf(card.score()).name()));
        assertThat(after.scorecards()).extracting(ScorecardView::grade).contains("F");
        PortfolioView old = scorecards.portfolio(last, oldVersion);
        assertThat(byClient(old.scorecards())).allSatisfy((id, card) ->
                assertThat(card.grade()).isEqualTo(before.get(id).grade()));
        assertThat(models.versions()).extracting(ModelVersion::status).containsExactly("ACTIVE", "RETIRED");
        var preview2 = preview.stream().filter(l -> l.gradeBefore() != null && !"A".equals(l.gradeBefore())).findFirst().orElseThrow();
        assertThat(after.scorecards()).filteredOn(card -> card.clientId() == preview2.clientId())
                .singleElement().satisfies(card -> assertThat(card.grade()).isEqualTo(preview2.gradeAfter()));
    }

    private static Map<Long, ScorecardView> byClient(List<ScorecardView> cards) {
        return cards.stream().collect(Collectors.toMap(ScorecardView::clientId, Function.identity()));
    }
}
