/**
 * Being told (issue 17): the monthly digest, alerts when a client gains a dealbreaker or drops a
 * grade band, the in-app notifications behind the navbar's bell, and mail through SMTP.
 *
 * <p>Everything a user is told is written in the transaction of what causes it: alerts by
 * {@code AlertWatch} inside the rescoring transaction (a rollback leaves no alert), the digest
 * together with its {@code digest_delivery} row (never twice, none lost). Mail waits in the
 * {@code mail_outbox} table and is sent after the commit by {@code OutboxSender}, so a slow or
 * refusing SMTP server never fails anybody's action. The layout reads the bell through
 * {@link com.mspscorecard.notifications.NotificationBell}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package com.mspscorecard.notifications;
