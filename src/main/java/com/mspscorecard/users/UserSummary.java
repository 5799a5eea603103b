package com.mspscorecard.users;

/** A user as other modules see it: never the password hash. */
public record UserSummary(Long id, String username, String displayName, Role role, boolean enabled) {
}
