package com.mspscorecard.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 13 item 6: {@code --scorecard.demo=true} on an empty installation without an owner. The
 * demo cannot load at start-up (nobody to have logged its incidents), so {@code /setup} offers it
 * ticked, and creating the owner loads it and signs the owner in.
 */
@SpringBootTest(properties = { "scorecard.test.fresh-database=true", "scorecard.demo=true" })
@AutoConfigureMockMvc
class DemoAfterSetupIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDemoFlagTicksSetupsBoxAndTheDemoLoadsOnceTheOwnerExists() throws Exception {
        assertThat(jdbc.queryForObject("select count(*) from client", Integer.class)).isZero();
        mvc.perform(get("/setup")).andExpect(status().isOk())
                .andExpect(content().string(containsString("checked=\"checked\"")));

        MvcResult created = mvc.perform(post("/setup").with(csrf()).param("username", "demo-owner")
                        .param("displayName", "Demo Owner").param("password", Passwords.LONG)
                        .param("confirmPassword", Passwords.LONG).param("loadDemo", "true"))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("message", "setup.signedInDemo"))
                .andReturn();

        assertThat(jdbc.queryForObject("select count(*) from client", Integer.class)).isGreaterThanOrEqualTo(30);
        mvc.perform(get("/scorecards").cookie(SignInRequests.sessionCookie(created))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Chaos Events")));
    }
}
