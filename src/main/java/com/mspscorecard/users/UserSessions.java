package com.mspscorecard.users;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends the open sessions of a user whose access changed (disabled, new role, new password).
 * The registry is Spring Session's view of the sessions in PostgreSQL, found by their user's
 * name: a session opened on another instance is marked expired in the database too, and its next
 * request, wherever it lands, is signed out to {@code /login?expired}.
 */
@Component
class UserSessions {

    private final SessionRegistry registry;

    UserSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    void endAllOf(String username) {
        endOthersOf(username, null);
    }

    /** Ends every session of the user but {@code keptSessionId} (the one asking, after a password change). */
    void endOthersOf(String username, String keptSessionId) {
        registry.getAllSessions(username, false).stream()
                .filter(session -> !session.getSessionId().equals(keptSessionId))
                .forEach(SessionInformation::expireNow);
    }
}
