package com.mspscorecard.clients;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Status over time, for other modules: a change of status takes effect on a date (an offboarding
 * case makes a client {@code OFFBOARDED} on its exit date). The client's {@code status} column is
 * the status in effect today; a change dated in the future is applied by the daily check.
 */
@Service
public class ClientStatuses {

    private final Clients clients;
    private final StatusChangeRows rows;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClientStatuses(Clients clients, StatusChangeRows rows, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock) {
        this.clients = clients;
        this.rows = rows;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records that the client's status becomes {@code status} on {@code effectiveOn} (today or later),
     * audited with {@code why} (a label from the bundles), and applies it at once when the date has come.
     */
    @Transactional
    public void change(long clientId, ClientStatus status, LocalDate effectiveOn, AuditEvent.Word why) {
        Client client = clients.findById(clientId).orElseThrow(() -> new ClientNotFound(clientId));
        rows.insert(clientId, status, effectiveOn);
        audit.record(AuditEvent.of("STATUS_SCHEDULED", ClientService.ENTITY, clientId, "client.statusScheduled",
                        client.getName(), new AuditEvent.Word("client.status." + status.name()), effectiveOn,
                        why)
                .forClient(clientId, client.getName()));
        applyDue();
    }

    /** Which clients count in the portfolio of each month. */
    @Transactional(readOnly = true)
    public PortfolioMembership membership() {
        return rows.membership();
    }

    /** Brings every client's stored status to the one in effect today; run daily and at start-up. */
    @Transactional
    public int applyDue() {
        LocalDate today = LocalDate.now(clock);
        Map<Long, ClientStatus> due = rows.due(today);
        due.forEach((id, status) -> {
            Client client = clients.findById(id).orElseThrow();
            client.setStatusInEffect(status, Instant.now(clock));
            clients.saveAndFlush(client);
            events.publishEvent(new ClientTermsChanged(id));
        });
        return due.size();
    }

    @Scheduled(cron = "0 10 0 * * *", zone = "${scorecard.time-zone:}")
    @EventListener(ApplicationReadyEvent.class)
    // Once across instances (database.ScheduledWorkLocks), held a minute against clock skew.
    @SchedulerLock(name = "applyDatedStatuses", lockAtLeastFor = "PT1M")
    @Transactional
    void applyDueDaily() {
        applyDue();
    }
}
