package com.mspscorecard.reports;

import java.util.Locale;

/** Who reads a report: the company itself, or the client at a business review. */
public enum Audience {

    /** Owners and account managers: grade, trend, reasons, rule breakdown, incidents. */
    INTERNAL,
    /** The client: the service delivered, in words fit to hand over. */
    CLIENT;

    /**
     * {@code internal} or {@code client}, any case. Anything else is the client version: a report
     * asked for carelessly may end up in a client's hands, and that one is safe there.
     */
    static Audience of(String text) {
        return text != null && text.trim().toUpperCase(Locale.ROOT).equals("INTERNAL") ? INTERNAL : CLIENT;
    }

    String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
