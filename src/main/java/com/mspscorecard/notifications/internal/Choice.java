package com.mspscorecard.notifications.internal;

/** What a user wants to be told: digest and alerts, each by mail and in the application. */
public record Choice(boolean digestMail, boolean digestApp, boolean alertsMail, boolean alertsApp) {

    public static final Choice DEFAULT = new Choice(true, true, true, true);

    public boolean mail(Kind kind) {
        return kind == Kind.ALERT ? alertsMail : digestMail;
    }

    public boolean app(Kind kind) {
        return kind == Kind.ALERT ? alertsApp : digestApp;
    }
}
