package com.mspscorecard.notifications.internal;

import java.time.Instant;

/** One in-app notification as the page shows it: exactly one of {@code alert} and {@code digest} is set. */
public record InboxEntry(long id, Kind kind, Instant createdAt, boolean read, AlertNotice alert, DigestNotice digest) {
}
