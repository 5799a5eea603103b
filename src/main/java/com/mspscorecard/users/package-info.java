/**
 * Users, roles, first-run setup and the security configuration. Other modules see users
 * through {@link com.mspscorecard.users.UserDirectory} and {@link com.mspscorecard.users.Role}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Users and security")
package com.mspscorecard.users;
