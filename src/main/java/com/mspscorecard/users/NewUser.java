package com.mspscorecard.users;

record NewUser(String username, String displayName, Role role, String password) {
}
