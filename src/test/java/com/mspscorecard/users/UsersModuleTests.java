package com.mspscorecard.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

/** Users boot with their dependencies only (audit, web) and answer who is who through the directory. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class UsersModuleTests {

    @Autowired
    UserDirectory directory;

    @Test
    void theDirectoryKnowsAUserAndTheirRole() {
        TestUsers.ensure("users-module-am", "ACCOUNT_MANAGER");
        assertThat(directory.byUsername("USERS-MODULE-AM")).hasValueSatisfying(u -> assertThat(u.role())
                .isEqualTo(Role.ACCOUNT_MANAGER));
        assertThat(directory.accountManagers()).extracting(UserSummary::username).contains("users-module-am");
    }
}
