package com.mspscorecard.notifications.internal;

/** What a notification or a mail is. A preview is a digest asked for now, sent whatever the choices say. */
public enum Kind {
    DIGEST, ALERT, PREVIEW
}
