package com.mspscorecard.scoring.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.mspscorecard.metrics.Metric;
import com.mspscorecard.metrics.SnapshotQueries;
import com.mspscorecard.scoring.ScorecardQueries;
import com.mspscorecard.scoring.engine.ClientHistory;
import com.mspscorecard.scoring.engine.IncidentCategory;
import com.mspscorecard.scoring.engine.IncidentFact;
import com.mspscorecard.scoring.engine.MonthlyFigures;
import com.mspscorecard.scoring.engine.PaymentTerms;
import com.mspscorecard.scoring.engine.Portfolio;
import com.mspscorecard.scoring.engine.PortfolioFigures;
import com.mspscorecard.scoring.engine.ScoringModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Scores a made-up portfolio in memory once at start-up, before the application reports itself ready,
 * so that the first import after a start does not pay for the JIT compiling the engine, the
 * portfolio's ranking and the scorecards' COPY text while it scores 120,000 client-months: on a cold
 * JVM that rescore took about twice as long as on a warm one. Then, when the database holds figures,
 * it rehearses what an import of the latest month would rescore ({@link ChangedMonthsRescore#rehearse}):
 * the same reads, their decoding and the scoring, for every client, written nowhere; and it reads the
 * latest month's stored scorecards, as the alert check after that rescore does. A monthly import
 * (2,000 rows) mostly runs code the made-up portfolio never reaches, and was twice as slow as the
 * same import on a warm server. What it costs at start-up and buys in the first import is measured by
 * bench/import-bench.sh (bench/README.md, "CSV import"). {@code scorecard.warm-up=false} turns it off (the
 * tests do).
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "scorecard.warm-up", havingValue = "true", matchIfMissing = true)
class ScoringWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ScoringWarmUp.class);

    /** Enough scorecards for the engine's methods to be compiled by C2, few enough to take a second or two. */
    private static final int CLIENTS = 200;
    private static final int MONTHS = 60;
    private static final YearMonth LAST = YearMonth.of(2020, 12);

    /** Measured: one rehearsal took a cold monthly import from 1.6 s to 1.1 s, three to 1.0 s (2,000 clients). */
    private static final int REHEARSALS = 2;

    private final ChangedMonthsRescore changedMonths;
    private final ModelRows models;
    private final SnapshotQueries snapshots;
    private final ScorecardQueries scorecards;

    ScoringWarmUp(ChangedMonthsRescore changedMonths, ModelRows models, SnapshotQueries snapshots,
                  ScorecardQueries scorecards) {
        this.changedMonths = changedMonths;
        this.models = models;
        this.snapshots = snapshots;
        this.scorecards = scorecards;
    }

    @Override
    public void run(ApplicationArguments args) {
        long start = System.nanoTime();
        ScoringModel model = ScoringModel.defaults();
        Random random = new Random(18);
        List<ClientHistory> histories = new ArrayList<>(CLIENTS);
        for (long client = 1; client <= CLIENTS; client++) {
            List<MonthlyFigures> figures = new ArrayList<>(MONTHS);
            for (int m = MONTHS - 1; m >= 0; m--) {
                Map<Metric, BigDecimal> values = new EnumMap<>(Metric.class);
                for (Metric metric : Metric.values()) {
                    values.put(metric, BigDecimal.valueOf(random.nextInt(5000), metric.kind().scale()));
                }
                figures.add(new MonthlyFigures(LAST.minusMonths(m), values));
            }
            List<IncidentFact> incidents = client % 10 == 0
                    ? List.of(new IncidentFact(LAST.atDay(10), IncidentCategory.DISRESPECT_OF_EXPERTISE)) : List.of();
            histories.add(ClientHistory.of(client, PaymentTerms.NET_30, 50, figures, incidents, Map.of())
                    .asOfToday(LAST.plusMonths(1).atDay(5)));
        }
        Map<YearMonth, Portfolio> portfolios = new HashMap<>();
        for (int m = 0; m < MONTHS; m++) {
            YearMonth month = LAST.minusMonths(m);
            Map<Long, PortfolioFigures> window = new HashMap<>();
            for (ClientHistory history : histories) {
                MonthlyFigures figures = history.months().get(month);
                window.put(history.clientId(), new PortfolioFigures(figures.get(Metric.REVENUE).orElseThrow(),
                        figures.get(Metric.HOURS_SPENT).orElseThrow(), figures.get(Metric.NEW_TICKETS).orElseThrow()));
            }
            portfolios.put(month, Portfolio.of(month, window));
        }
        long bytes = 0;
        int count = 0;
        for (ClientHistory history : histories) {
            List<ScoredMonth> rows = ScoredMonth.allMonths(model, history,
                    month -> FullRescore.position(portfolios, month, history.clientId()));
            bytes += ScoreStore.copyText(model.version(), rows).length;
            count += rows.size();
        }
        log.info("Scoring warmed up on {} made-up scorecards ({} KB of COPY text) in {} ms", count, bytes / 1024,
                (System.nanoTime() - start) / 1_000_000);
        rehearseLatestMonth();
    }

    /** Every client's latest month rescored in memory, as an import of that month would: nothing is written. */
    private void rehearseLatestMonth() {
        long start = System.nanoTime();
        YearMonth latest = snapshots.latestMonth().orElse(null);
        if (latest == null) {
            return;
        }
        int scored = 0;
        for (int i = 0; i < REHEARSALS; i++) {
            scored += changedMonths.rehearse(models.active(), Set.of(), List.of(latest));
        }
        // What the alert check reads after an import's rescore, and the dashboard on its first view.
        int read = scorecards.latestMonth().map(month -> scorecards.portfolio(month).scorecards().size()).orElse(0);
        log.info("Scoring rehearsed an import of {}: {} scorecards read and scored, none written, and {} stored ones "
                + "read, in {} ms", latest, scored, read, (System.nanoTime() - start) / 1_000_000);
    }
}
