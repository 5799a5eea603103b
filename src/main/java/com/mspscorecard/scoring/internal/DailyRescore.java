package com.mspscorecard.scoring.internal;

import com.mspscorecard.scoring.ScoringService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps "as of today" true when nothing else changed: a client's latest month counts red flags and
 * the staff vote up to today, so at midnight an incident can leave its window (or a poll its 15
 * months) and the score must move with it. Runs just after midnight in the installation's time zone
 * ({@code scorecard.time-zone}), the zone of the {@link java.time.Clock} bean that says what today is.
 *
 * <p>With several application instances only one runs it: ShedLock's lock in PostgreSQL (see
 * {@code database.ScheduledWorkLocks}) goes to the first instance that asks, and is held at least
 * five minutes so that an instance whose clock is a little behind does not run it again.
 */
@Component
public class DailyRescore {

    private static final Logger log = LoggerFactory.getLogger(DailyRescore.class);

    private final ScoringService scoring;

    DailyRescore(ScoringService scoring) {
        this.scoring = scoring;
    }

    @Scheduled(cron = "${scorecard.scoring.daily-rescore-cron:0 1 0 * * *}", zone = "${scorecard.time-zone:}")
    @SchedulerLock(name = "dailyRescore", lockAtLeastFor = "PT5M")
    public void rescoreAsOfToday() {
        ScoringService.RescoreSummary summary = scoring.rescoreAll();
        log.info("Daily rescore as of today: {} clients, {} scorecards in {} ms", summary.clients(),
                summary.scorecards(), summary.millis());
    }
}
