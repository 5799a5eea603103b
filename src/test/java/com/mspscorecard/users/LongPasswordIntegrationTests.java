package com.mspscorecard.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 11, defect 5: passwords are 12 to 128 characters, whatever their size in bytes. */
@SpringBootTest
@AutoConfigureMockMvc
class LongPasswordIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theOwnerCreatesAUserWithA190BytePasswordWhoSignsInWithAllOfIt() throws Exception {
        TestUsers.ensure("long-owner", "OWNER");
        mvc.perform(post("/users").with(csrf()).with(user("long-owner").roles("OWNER"))
                        .param("username", "long-emoji").param("role", "STAFF").param("password", Passwords.LONG))
                .andExpect(redirectedUrl("/users"));
        mvc.perform(formLogin().user("long-emoji").password(Passwords.LONG)).andExpect(authenticated());
        // No silent truncation: what bcrypt alone would have compared is not the password.
        mvc.perform(formLogin().user("long-emoji").password(Passwords.LONG_FIRST_72_BYTES))
                .andExpect(unauthenticated());
    }

    @Test
    void aUserChangesTheirPasswordToA190ByteOne() throws Exception {
        TestUsers.ensure("long-changer", "ACCOUNT_MANAGER");
        mvc.perform(post("/account/password").with(csrf()).with(user("long-changer").roles("ACCOUNT_MANAGER"))
                        .param("currentPassword", TestUsers.PASSWORD).param("newPassword", Passwords.LONG)
                        .param("confirmPassword", Passwords.LONG))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin().user("long-changer").password(Passwords.LONG)).andExpect(authenticated());
    }

    @Test
    void charactersAreCountedNotBytes() throws Exception {
        TestUsers.ensure("long-owner", "OWNER");
        mvc.perform(post("/users").with(csrf()).with(user("long-owner").roles("OWNER"))
                        .param("username", "long-max").param("role", "STAFF")
                        .param("password", Passwords.ofCodePoints(128)))
                .andExpect(redirectedUrl("/users"));
        mvc.perform(post("/users").with(csrf()).with(user("long-owner").roles("OWNER"))
                        .param("username", "long-over").param("role", "STAFF")
                        .param("password", Passwords.ofCodePoints(129)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Use at most 128 characters.")));
    }

    @Test
    void anOldBcryptHashStillSignsInAndIsUpgradedThen() throws Exception {
        TestUsers.ensure("long-legacy", "STAFF");
        assertThat(hashOf("long-legacy")).startsWith("{bcrypt}");
        // Longer than bcrypt takes: cannot be the old password, and must not be an error.
        mvc.perform(formLogin().user("long-legacy").password(Passwords.LONG))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));

        mvc.perform(formLogin().user("long-legacy").password(TestUsers.PASSWORD)).andExpect(authenticated());
        assertThat(hashOf("long-legacy")).startsWith("{bcrypt-sha256}");
        mvc.perform(formLogin().user("long-legacy").password(TestUsers.PASSWORD)).andExpect(authenticated());
    }

    private String hashOf(String username) {
        return jdbc.queryForObject("select password_hash from app_user where username = ?", String.class, username);
    }
}
