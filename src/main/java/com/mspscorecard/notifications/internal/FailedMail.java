package com.mspscorecard.notifications.internal;

import java.time.Instant;

/** A message that could not be sent after the last try, for the owner's page. */
public record FailedMail(long id, String recipient, String kind, String subject, int attempts, String lastError,
        Instant createdAt) {
}
