package com.mspscorecard.voting;

import java.time.Clock;
import java.time.LocalDate;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes {@link PollClosed} for polls that closed by reaching their closing date, and takes the
 * roster of polls that opened today and nobody has looked at yet. Daily is enough: scoring also
 * reads {@link StaffVotes#closedPolls()} whenever it rescores, a roster is also taken the first
 * time a poll is seen open, and the {@code announced} flag makes a missed day catch up on the next run.
 */
@Component
class PollClosingAnnouncer {

    private final Polls polls;

    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    private final PollRosters rosters;

    private final Clock clock;

    PollClosingAnnouncer(Polls polls, AuditTrail audit, ApplicationEventPublisher events, PollRosters rosters,
            Clock clock) {
        this.polls = polls;
        this.rosters = rosters;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(cron = "${scorecard.voting.announce-cron:0 5 0 * * *}")
    // Once across instances (database.ScheduledWorkLocks); a second instance skips the day's run.
    @SchedulerLock(name = "announceClosedPolls")
    @Transactional
    // Integer, not int: on an instance that skips the run ShedLock answers null.
    public Integer announceClosedPolls() {
        LocalDate today = LocalDate.now(clock);
        polls.openWithoutRoster(today).forEach(poll -> rosters.takeIfDue(poll.id()));
        int announced = 0;
        for (Poll poll : polls.closedUnannounced(today)) {
            polls.markAnnounced(poll.id());
            polls.shuffleBallots(poll.id());
            audit.record(AuditEvent.of("CLOSED", "POLL", poll.id(), "poll.closedOnDate", poll.title(), poll.closesOn()));
            events.publishEvent(new PollClosed(poll.id(), poll.closesOn()));
            announced++;
        }
        return announced;
    }
}
