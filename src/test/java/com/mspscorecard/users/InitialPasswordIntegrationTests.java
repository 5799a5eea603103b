package com.mspscorecard.users;

import static com.mspscorecard.users.SignInRequests.from;
import static com.mspscorecard.users.SignInRequests.signIn;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mspscorecard.support.TestUsers;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 13 item 6: a user created with an initial password chooses their own before anything else. */
@SpringBootTest
@AutoConfigureMockMvc
class InitialPasswordIntegrationTests {

    private static final String INITIAL = "the owner chose this one";

    private static final String OWN = "my very own passphrase";

    @Autowired
    MockMvc mvc;

    @Test
    void aUserCreatedWithAnInitialPasswordMustChooseTheirOwnFirst() throws Exception {
        TestUsers.ensure("ip-owner", "OWNER");
        mvc.perform(post("/users").with(csrf()).with(user("ip-owner").roles("OWNER")).param("username", "ip-newbie")
                .param("displayName", "New Colleague").param("role", "ACCOUNT_MANAGER").param("password", INITIAL)
                .param("confirmPassword", INITIAL)).andExpect(redirectedUrl("/users"));

        Cookie session = SignInRequests.sessionCookie(
                mvc.perform(signIn("ip-newbie", INITIAL, "198.51.100.51")).andExpect(authenticated()).andReturn());
        // Nothing but the password page.
        for (String page : new String[] { "/", "/clients", "/scorecards", "/account/tokens", "/imports" }) {
            mvc.perform(get(page).cookie(session)).andExpect(redirectedUrl("/account/password"));
        }
        mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose your own to continue")));
        // Nor the API with that password.
        mvc.perform(get("/api/v1/clients").with(httpBasic("ip-newbie", INITIAL))).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("choose your own password first")));

        // Keeping the initial password is not choosing one.
        mvc.perform(post("/account/password").cookie(session).with(csrf()).with(from("198.51.100.51"))
                        .param("currentPassword", INITIAL).param("newPassword", INITIAL)
                        .param("confirmPassword", INITIAL))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The new password must differ from the current one.")));
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));

        mvc.perform(post("/account/password").cookie(session).with(csrf()).with(from("198.51.100.51"))
                        .param("currentPassword", INITIAL).param("newPassword", OWN).param("confirmPassword", OWN))
                .andExpect(redirectedUrl("/"));
        // The same session goes on, everywhere its role allows.
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/clients").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/clients").with(httpBasic("ip-newbie", OWN))).andExpect(status().isOk());
    }

    @Test
    void aPasswordContainingTheUsernameIsRefusedInBothLanguages() throws Exception {
        TestUsers.ensure("ip-owner2", "OWNER");
        mvc.perform(post("/users").with(csrf()).with(user("ip-owner2").roles("OWNER")).param("username", "marco")
                        .param("role", "STAFF").param("password", "Marco's long passphrase")
                        .param("confirmPassword", "Marco's long passphrase"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The password must not contain the username.")));
        mvc.perform(post("/users").with(csrf()).with(user("ip-owner2").roles("OWNER")).param("username", "marco")
                        .param("role", "STAFF").param("password", "Marco's long passphrase")
                        .param("confirmPassword", "Marco's long passphrase")
                        .cookie(new Cookie("scorecard-lang", "it")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("La password non deve contenere il nome utente.")));
    }
}
