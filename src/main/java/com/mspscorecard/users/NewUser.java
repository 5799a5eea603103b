package com.mspscorecard.users;

/** @param email optional; null or blank: none */
record NewUser(String username, String displayName, Role role, String password, String email) {

    NewUser(String username, String displayName, Role role, String password) {
        this(username, displayName, role, password, null);
    }
}
