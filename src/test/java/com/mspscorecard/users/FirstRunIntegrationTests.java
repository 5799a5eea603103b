package com.mspscorecard.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** First run on an empty database: everything leads to /setup until the owner exists. */
@SpringBootTest(properties = "scorecard.test.fresh-database=true")
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory directory;

    @Test
    @Order(1)
    void everyPageLeadsToSetupWhileNoUserExists() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/setup"));
        mvc.perform(get("/clients")).andExpect(redirectedUrl("/setup"));
        mvc.perform(get("/login")).andExpect(redirectedUrl("/setup"));
        mvc.perform(get("/setup")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Create owner")));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    @Order(2)
    void setupRefusesAWeakPasswordAndKeepsTheInput() throws Exception {
        mvc.perform(post("/setup").with(csrf()).param("username", "olivia").param("displayName", "Olivia Owner")
                        .param("password", "short").param("confirmPassword", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Use at least 12 characters.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"Olivia Owner\"")));
        assertThat(directory.all()).isEmpty();
    }

    @Test
    @Order(3)
    void setupCreatesTheOwnerWithA190BytePasswordWhoCanThenSignIn() throws Exception {
        MvcResult created = mvc.perform(post("/setup").with(csrf()).param("username", "olivia")
                        .param("displayName", "Olivia Owner")
                        .param("password", Passwords.LONG).param("confirmPassword", Passwords.LONG))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("message", "setup.signedIn"))
                .andReturn();
        // Setup signed the new owner in: their session opens the dashboard without another form.
        mvc.perform(get("/").cookie(SignInRequests.sessionCookie(created))).andExpect(status().isOk());

        assertThat(directory.byUsername("olivia")).hasValueSatisfying(u -> {
            assertThat(u.role()).isEqualTo(Role.OWNER);
            assertThat(u.displayName()).isEqualTo("Olivia Owner");
        });
        mvc.perform(formLogin().user("OLIVIA").password(Passwords.LONG)).andExpect(authenticated());
    }

    @Test
    @Order(4)
    void setupAnswers404OnceAUserExists() throws Exception {
        mvc.perform(get("/setup")).andExpect(status().isNotFound());
        mvc.perform(post("/setup").with(csrf()).param("username", "mallory")
                .param("password", "another long phrase").param("confirmPassword", "another long phrase"))
                .andExpect(status().isNotFound());
        assertThat(directory.byUsername("mallory")).isEmpty();
        mvc.perform(get("/")).andExpect(redirectedUrl("/login"));
    }
}
