package com.mspscorecard.notifications;

/** What a notification or a mail is. A preview is a digest asked for now, sent whatever the choices say. */
enum Kind {
    DIGEST, ALERT, PREVIEW
}
