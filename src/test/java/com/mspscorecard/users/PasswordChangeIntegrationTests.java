package com.mspscorecard.users;

import static com.mspscorecard.users.SignInRequests.from;
import static com.mspscorecard.users.SignInRequests.signIn;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 11, defect 7: a password change can end the other sessions, and its check is throttled. */
@SpringBootTest
@AutoConfigureMockMvc
class PasswordChangeIntegrationTests {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    @Autowired
    MockMvc mvc;

    private Cookie signedIn(String username, String address) throws Exception {
        return SignInRequests.sessionCookie(mvc.perform(signIn(username, TestUsers.PASSWORD, address))
                .andExpect(authenticated()).andReturn());
    }

    @Test
    void changingThePasswordSignsOutTheOtherSessionsWhenAskedAndKeepsThisOne() throws Exception {
        TestUsers.ensure("pwc-multi", "STAFF");
        Cookie laptop = signedIn("pwc-multi", "198.51.100.31");
        Cookie phone = signedIn("pwc-multi", "198.51.100.32");
        mvc.perform(get("/account/password").cookie(laptop))
                .andExpect(content().string(containsString("Sign out my other sessions")));

        mvc.perform(post("/account/password").cookie(laptop).with(csrf()).with(from("198.51.100.31"))
                        .param("currentPassword", TestUsers.PASSWORD).param("newPassword", NEW_PASSWORD)
                        .param("confirmPassword", NEW_PASSWORD).param("endOtherSessions", "true")
                        .param("_endOtherSessions", "on"))
                .andExpect(redirectedUrl("/"));

        mvc.perform(get("/").cookie(phone)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/").cookie(laptop)).andExpect(status().isOk());
    }

    @Test
    void withoutTheTickTheOtherSessionsStay() throws Exception {
        TestUsers.ensure("pwc-keep", "STAFF");
        Cookie laptop = signedIn("pwc-keep", "198.51.100.33");
        Cookie phone = signedIn("pwc-keep", "198.51.100.34");
        mvc.perform(post("/account/password").cookie(laptop).with(csrf()).with(from("198.51.100.33"))
                        .param("currentPassword", TestUsers.PASSWORD).param("newPassword", NEW_PASSWORD)
                        .param("confirmPassword", NEW_PASSWORD).param("_endOtherSessions", "on"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").cookie(phone)).andExpect(status().isOk());
    }

    @Test
    void guessingTheCurrentPasswordIsThrottledLikeSigningIn() throws Exception {
        TestUsers.ensure("pwc-guess", "STAFF");
        for (int i = 0; i < 8; i++) {
            mvc.perform(post("/account/password").with(csrf()).with(user("pwc-guess").roles("STAFF"))
                            .with(from("203.0.113.90")).param("currentPassword", "a guess " + i)
                            .param("newPassword", NEW_PASSWORD).param("confirmPassword", NEW_PASSWORD))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/account/password").with(csrf()).with(user("pwc-guess").roles("STAFF"))
                        .with(from("203.0.113.90")).param("currentPassword", TestUsers.PASSWORD)
                        .param("newPassword", NEW_PASSWORD).param("confirmPassword", NEW_PASSWORD))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Too many wrong passwords")));
        // The password did not change; the real user, elsewhere, still signs in with the old one.
        mvc.perform(signIn("pwc-guess", NEW_PASSWORD, "198.51.100.35")).andExpect(unauthenticated());
        mvc.perform(signIn("pwc-guess", TestUsers.PASSWORD, "198.51.100.35")).andExpect(authenticated());
    }
}
