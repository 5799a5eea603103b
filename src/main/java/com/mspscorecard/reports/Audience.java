package com.mspscorecard.reports;

import java.util.Locale;

/** Who reads a report: the company itself, or the client at a business review. */
public enum Audience {

    /** Owners and account managers: grade, trend, reasons, rule breakdown, incidents. */
    INTERNAL,
    /** The client: the service delivered, in words fit to hand over. */
    CLIENT;

    /** {@code internal} or {@code client}, any case; anything else is the internal version. */
    static Audience of(String text) {
        return text != null && text.trim().toUpperCase(Locale.ROOT).equals("CLIENT") ? CLIENT : INTERNAL;
    }

    String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
