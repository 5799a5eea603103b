package com.mspscorecard.notifications;

import com.mspscorecard.notifications.internal.AlertNotice;
import com.mspscorecard.notifications.internal.Choice;
import com.mspscorecard.notifications.internal.DigestNotice;
import com.mspscorecard.notifications.internal.Kind;

import com.mspscorecard.users.UserContact;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells one user one thing, in the caller's transaction: in the application and/or by mail, as
 * the user chose. Mail goes only to an address that works with an SMTP server configured; a user
 * who wants mail but cannot get it finds the message in the application instead.
 */
@Component
class Deliveries {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Deliveries.class);

    /** Where a message went. */
    enum Outcome {
        NOWHERE, APP, MAIL, BOTH
    }

    private final Choices choices;

    private final Inbox inbox;

    private final MailOutbox outbox;

    private final MailWriter writer;

    private final OutboxSender sender;

    Deliveries(Choices choices, Inbox inbox, MailOutbox outbox, MailWriter writer, OutboxSender sender) {
        this.choices = choices;
        this.inbox = inbox;
        this.outbox = outbox;
        this.writer = writer;
        this.sender = sender;
    }

    Outcome alert(UserContact user, Choice choice, AlertNotice notice) {
        return deliver(user, Kind.ALERT, choice.mail(Kind.ALERT), choice.app(Kind.ALERT), notice,
                () -> writer.alert(notice, user.displayName(), user.language()));
    }

    Outcome digest(UserContact user, Choice choice, DigestNotice notice) {
        return deliver(user, Kind.DIGEST, choice.mail(Kind.DIGEST), choice.app(Kind.DIGEST), notice,
                () -> writer.digest(notice, user.displayName(), user.language(), false));
    }

    /** "Send me a preview now": by mail when it can go, else in the application, whatever the choices. */
    Outcome preview(UserContact user, DigestNotice notice) {
        return deliver(user, Kind.PREVIEW, true, false, notice,
                () -> writer.digest(notice, user.displayName(), user.language(), true));
    }

    Choice choiceOf(UserContact user) {
        return choices.of(user.id());
    }

    private Outcome deliver(UserContact user, Kind kind, boolean wantsMail, boolean wantsApp, Object notice,
            java.util.function.Supplier<MailWriter.Written> mail) {
        boolean mailable = wantsMail && user.mailable() && sender.enabled();
        MailWriter.Written written = null;
        if (mailable) {
            try {
                written = mail.get();
            }
            catch (RuntimeException e) {
                // Telling must never fail the change that caused it: the message goes to the application.
                log.error("Could not write the {} mail for user {}", kind, user.id(), e);
                mailable = false;
            }
        }
        boolean app = wantsApp || wantsMail && !mailable;
        if (app) {
            inbox.add(user.id(), kind, notice);
        }
        if (mailable) {
            outbox.queue(user.id(), user.email(), kind, written);
            sendAfterCommit();
        }
        return mailable ? app ? Outcome.BOTH : Outcome.MAIL : app ? Outcome.APP : Outcome.NOWHERE;
    }

    private void sendAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.nudge();
                }
            });
        }
        else {
            sender.nudge();
        }
    }
}
