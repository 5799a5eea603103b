package com.mspscorecard.notifications;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.mspscorecard.users.MailAddresses;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what waits in the outbox, outside any user's request: every few seconds, and right after
 * a transaction that queued mail commits. With several instances one sends at a time (ShedLock
 * "mailOutbox"). The SMTP timeouts are short ({@code spring.mail.properties.mail.smtp.*timeout});
 * a server that refuses the recipient with a 5xx answer fails the message at once and marks the
 * address on the users page; anything else is tried again later.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final MailOutbox outbox;

    private final ObjectProvider<JavaMailSender> mail;

    private final MailAddresses addresses;

    private final String from;

    private final ObjectProvider<OutboxSender> self;

    private final ExecutorService nudges = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mail-outbox-nudge");
        thread.setDaemon(true);
        return thread;
    });

    OutboxSender(MailOutbox outbox, ObjectProvider<JavaMailSender> mail, MailAddresses addresses,
            @Value("${scorecard.mail.from:}") String from, @Value("${spring.mail.username:}") String smtpUser,
            ObjectProvider<OutboxSender> self) {
        this.self = self;
        this.outbox = outbox;
        this.mail = mail;
        this.addresses = addresses;
        this.from = !from.isBlank() ? from : smtpUser.contains("@") ? smtpUser : "msp-scorecard@localhost";
    }

    /** Whether an SMTP server is configured ({@code spring.mail.host}); without one nothing is queued. */
    boolean enabled() {
        return mail.getIfAvailable() != null;
    }

    /**
     * Asks for a run soon, from another thread: called after a commit that queued mail. Through the
     * bean's proxy, so that ShedLock's lock holds for it too.
     */
    void nudge() {
        nudges.execute(() -> {
            try {
                self.getObject().sendDue();
            }
            catch (RuntimeException e) {
                log.warn("Sending queued mail failed: {}", e.toString());
            }
        });
    }

    @Scheduled(fixedDelayString = "${scorecard.mail.outbox-interval:PT15S}",
            initialDelayString = "${scorecard.mail.outbox-first-run:PT20S}")
    @SchedulerLock(name = "mailOutbox", lockAtMostFor = "PT10M")
    public void sendDue() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        for (MailOutbox.Queued message : outbox.due(50)) {
            send(sender, message);
        }
    }

    private void send(JavaMailSender sender, MailOutbox.Queued message) {
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(message.recipient());
            helper.setSubject(message.subject());
            helper.setText(message.text(), message.html());
            sender.send(mime);
            outbox.sent(message.id());
        }
        catch (MailException | MessagingException e) {
            boolean refused = recipientRefused(e);
            if (refused) {
                // Marked before the message shows as failed, so whoever sees the one sees the other.
                addresses.refused(message.userId(), message.recipient());
            }
            boolean failed = outbox.attemptFailed(message, e.getMessage(), refused);
            log.warn("Mail {} to user {} not sent (attempt {}{}): {}", message.id(), message.userId(),
                    message.attempts() + 1, failed ? ", given up" : ", will try again", e.getMessage());
        }
    }

    /**
     * A permanent (5xx) refusal of the recipient, as opposed to a server that is down or busy: Jakarta
     * Mail lists a recipient the server refused for good among the invalid addresses (a 4xx answer
     * leaves it "valid, unsent").
     */
    static boolean recipientRefused(Throwable e) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 10; depth++, cause = next(cause)) {
            if (cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof org.springframework.mail.MailSendException send && !send.getFailedMessages().isEmpty()) {
            Exception first = send.getFailedMessages().values().iterator().next();
            if (first != cause) {
                return first;
            }
        }
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }

    @PreDestroy
    void stop() {
        nudges.shutdownNow();
    }
}
