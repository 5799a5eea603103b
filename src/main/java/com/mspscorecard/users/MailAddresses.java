package com.mspscorecard.users;

/** Lets the mail sender mark an address the SMTP server refused outright, for the users page. */
public interface MailAddresses {

    /** Marks the user's address as refused, unless it has changed since the mail was queued. */
    void refused(long userId, String address);
}
