package com.mspscorecard.notifications;

import com.mspscorecard.users.UserDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The navbar's bell: how many of the signed-in user's notifications are unread (layout: {@code @notificationBell}). */
@Component("notificationBell")
public class NotificationBell {

    private final UserDirectory users;

    private final Inbox inbox;

    NotificationBell(UserDirectory users, Inbox inbox) {
        this.users = users;
        this.inbox = inbox;
    }

    /** 0 as well when the database does not answer: the error page that says so must still render. */
    public long unread(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return 0;
        }
        try {
            return users.idOf(authentication.getName()).map(inbox::unread).orElse(0L);
        }
        catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
            return 0;
        }
    }
}
