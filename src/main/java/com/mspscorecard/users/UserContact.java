package com.mspscorecard.users;

import java.util.Locale;

/**
 * A user as whoever writes to them sees it: where to (an address, or none) and in which language.
 *
 * @param email        null when the user has none
 * @param emailRefused the SMTP server refused {@code email} outright: write in the application only
 * @param language     English or Italian, the language the user last chose
 */
public record UserContact(Long id, String username, String displayName, Role role, boolean enabled, String email,
        boolean emailRefused, Locale language) {

    /** An address that mail can go to. */
    public boolean mailable() {
        return email != null && !emailRefused;
    }
}
