package com.mspscorecard.scoring.internal;

import com.mspscorecard.scoring.ScoringService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.mspscorecard.metrics.SnapshotQueries;

/**
 * Stored scores are derived data: a migration may empty {@code client_score} (V8 did). When
 * the active version has no stored scores but snapshots exist, everything is rescored at
 * start-up, after the demo portfolio (order 10) had its chance to load.
 */
@Component
@Order(20)
public class RescoreOnStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RescoreOnStartup.class);

    private final JdbcTemplate jdbc;
    private final SnapshotQueries snapshots;
    private final ScoringService scoring;

    RescoreOnStartup(JdbcTemplate jdbc, SnapshotQueries snapshots, ScoringService scoring) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
        this.scoring = scoring;
    }

    @Override
    public void run(ApplicationArguments args) {
        Boolean scored = jdbc.queryForObject("""
                select exists (select 1 from client_score
                               where model_version = (select version from scoring_model where status = 'ACTIVE'))""",
                Boolean.class);
        if (Boolean.TRUE.equals(scored) || snapshots.latestMonth().isEmpty()) {
            return;
        }
        ScoringService.RescoreSummary summary = scoring.rescoreAll();
        log.info("No stored scores under active model version {}: rescored {} clients, {} scorecards in {} ms",
                summary.modelVersion(), summary.clients(), summary.scorecards(), summary.millis());
    }
}
