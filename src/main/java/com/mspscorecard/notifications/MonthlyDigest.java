package com.mspscorecard.notifications;

import com.mspscorecard.notifications.internal.Choice;
import com.mspscorecard.notifications.internal.DigestNotice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Map;

import com.mspscorecard.users.Role;
import com.mspscorecard.users.UserContact;
import com.mspscorecard.users.UserDirectory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly digest, from {@code scorecard.digest.day} at {@code scorecard.digest.hour} in the
 * installation's time zone (the {@link Clock} bean) on: to each owner for the whole portfolio, to
 * each account manager for their own clients.
 *
 * <p>Runs once with several instances and survives a restart half-way: it checks every
 * {@code scorecard.digest.check-interval} (and soon after start-up) whether the month's digest is
 * due, one instance at a time (ShedLock "monthlyDigest"); each user's digest is queued in one
 * transaction together with its {@code digest_delivery} row, whose key (user, month) lets no
 * second run queue it again. A run that died is finished by the next check of the month.
 */
@Component
class MonthlyDigest {

    private static final Logger log = LoggerFactory.getLogger(MonthlyDigest.class);

    private final Clock clock;
    private final UserDirectory users;
    private final DigestContents contents;
    private final Deliveries deliveries;
    private final Choices choices;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final int day;
    private final int hour;

    MonthlyDigest(Clock clock, UserDirectory users, DigestContents contents, Deliveries deliveries, Choices choices,
            JdbcTemplate jdbc, TransactionTemplate transactions, @Value("${scorecard.digest.day:1}") int day,
            @Value("${scorecard.digest.hour:7}") int hour) {
        this.clock = clock;
        this.users = users;
        this.contents = contents;
        this.deliveries = deliveries;
        this.choices = choices;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.day = Math.min(Math.max(day, 1), 28);
        this.hour = Math.min(Math.max(hour, 0), 23);
    }

    @Scheduled(fixedDelayString = "${scorecard.digest.check-interval:PT15M}",
            initialDelayString = "${scorecard.digest.first-check:PT1M}")
    @SchedulerLock(name = "monthlyDigest", lockAtMostFor = "PT30M")
    public void sendIfDue() {
        int queued = sendIfDue(ZonedDateTime.now(clock));
        if (queued > 0) {
            log.info("Monthly digest: {} queued", queued);
        }
    }

    /** @return how many digests this call queued (0 when not yet due or all sent) */
    int sendIfDue(ZonedDateTime now) {
        boolean due = now.getDayOfMonth() > day || now.getDayOfMonth() == day && now.getHour() >= hour;
        return due ? send(YearMonth.from(now)) : 0;
    }

    int send(YearMonth month) {
        Map<Long, Choice> chosen = choices.all();
        DigestContents.Month facts = null;
        int queued = 0;
        for (UserContact user : users.contacts()) {
            Choice choice = chosen.getOrDefault(user.id(), Choice.DEFAULT);
            if (!user.enabled() || user.role() == Role.STAFF || !choice.digestMail() && !choice.digestApp()
                    || alreadyQueued(user.id(), month)) {
                continue;
            }
            if (facts == null) {
                facts = contents.of(month);
            }
            DigestNotice notice = facts.forReader(user.role() == Role.OWNER ? null : user.id());
            Boolean done = transactions.execute(tx -> {
                int claimed = jdbc.update("insert into digest_delivery (user_id, month, queued_at) values (?, ?, ?) "
                        + "on conflict do nothing", user.id(), month.atDay(1), Timestamp.from(clock.instant()));
                if (claimed == 0) {
                    return false;
                }
                deliveries.digest(user, choice, notice);
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                queued++;
            }
        }
        return queued;
    }

    /** "Send me a preview now": this month's digest as it would read today. */
    Deliveries.Outcome preview(UserContact user) {
        DigestNotice notice = contents.of(YearMonth.now(clock)).forReader(user.role() == Role.OWNER ? null : user.id());
        return transactions.execute(tx -> deliveries.preview(user, notice));
    }

    private boolean alreadyQueued(long userId, YearMonth month) {
        return jdbc.queryForObject("select exists (select 1 from digest_delivery where user_id = ? and month = ?)",
                Boolean.class, userId, month.atDay(1));
    }
}
