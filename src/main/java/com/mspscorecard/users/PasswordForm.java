package com.mspscorecard.users;

import jakarta.validation.constraints.NotBlank;

/**
 * The password page. {@code endOtherSessions} is ticked when the page opens (ASVS 7.4.3: offer
 * to end them); a form that does not send it keeps the other sessions.
 */
record PasswordForm(@NotBlank String currentPassword, @NotBlank String newPassword,
        @NotBlank String confirmPassword, Boolean endOtherSessions) {

    static PasswordForm empty() {
        return new PasswordForm("", "", "", true);
    }

    boolean endsOtherSessions() {
        return Boolean.TRUE.equals(endOtherSessions);
    }
}
