package com.mspscorecard.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** SCORECARD_ADMIN_USERNAME / _PASSWORD (/ _EMAIL) create the owner at start-up on an empty database. */
@SpringBootTest(properties = { "scorecard.test.fresh-database=true", "scorecard.admin.username=installer",
        "scorecard.admin.password=" + OwnerFromEnvironmentIntegrationTests.PASSWORD,
        "scorecard.admin.email=owner@installer.example" })
@AutoConfigureMockMvc
class OwnerFromEnvironmentIntegrationTests {

    /** Longer than bcrypt's 72 bytes: it used to stop the application from starting. */
    static final String PASSWORD = "installed by ansible 🦊🐙🌋🎻🧭🪁🛶🌵🍋🐝🦊🐙🌋🎻🧭 from the vault";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory directory;

    @Test
    void theOwnerExistsAtStartUpAndSetupIsClosed() throws Exception {
        assertThat(directory.byUsername("installer")).hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.OWNER));
        mvc.perform(get("/setup")).andExpect(status().isNotFound());
        mvc.perform(formLogin().user("installer").password(PASSWORD)).andExpect(authenticated());
        assertThat(directory.contact("installer")).hasValueSatisfying(u -> assertThat(u.email())
                .isEqualTo("owner@installer.example"));
    }
}
