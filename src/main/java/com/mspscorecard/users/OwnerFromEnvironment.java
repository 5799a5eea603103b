package com.mspscorecard.users;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * For automated installs: {@code SCORECARD_ADMIN_USERNAME} and {@code SCORECARD_ADMIN_PASSWORD}
 * create the owner at start-up while no user exists, instead of the {@code /setup} page;
 * {@code SCORECARD_ADMIN_EMAIL} gives the owner an address for the digest and alerts.
 */
@Component
@Order(0)
class OwnerFromEnvironment implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(OwnerFromEnvironment.class);

    private final UserService users;

    private final String username;

    private final String password;

    private final String email;

    OwnerFromEnvironment(UserService users, @Value("${scorecard.admin.username:}") String username,
            @Value("${scorecard.admin.password:}") String password, @Value("${scorecard.admin.email:}") String email) {
        this.users = users;
        this.username = username;
        this.password = password;
        this.email = email;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isBlank() || password.isEmpty() || users.anyUserExists()) {
            return;
        }
        try {
            users.createFirstOwner(new NewUser(username, username, Role.OWNER, password, email));
            log.info("Created the owner '" + username + "' from SCORECARD_ADMIN_USERNAME");
        }
        catch (UserRuleViolation violation) {
            throw new IllegalStateException("SCORECARD_ADMIN_USERNAME/SCORECARD_ADMIN_PASSWORD refused: "
                    + violation.code() + " (passwords need 12 to 128 characters and at least 4 different ones, must not be a common one "
                    + "and must not contain the username; SCORECARD_ADMIN_EMAIL, when set, must be an address)");
        }
    }
}
