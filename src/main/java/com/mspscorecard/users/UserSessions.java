package com.mspscorecard.users;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/** Ends the open sessions of a user whose access changed (disabled, new role, new password). */
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
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof UserDetails details && details.getUsername().equalsIgnoreCase(username)) {
                registry.getAllSessions(principal, false).stream()
                        .filter(session -> !session.getSessionId().equals(keptSessionId))
                        .forEach(SessionInformation::expireNow);
            }
        }
    }
}
