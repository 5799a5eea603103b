package com.mspscorecard.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
class SecurityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserService userService;

    @BeforeEach
    void users() {
        TestUsers.ensure("sec-owner", "OWNER");
        TestUsers.ensure("sec-staff", "STAFF");
    }

    @Test
    void anonymousPagesGoToTheLoginPage() throws Exception {
        for (String page : new String[] { "/", "/users", "/audit", "/account/password", "/no-such-page" }) {
            mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/chart.js/dist/chart.umd.min.js")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP")).andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/env")).andExpect(status().isFound());
    }

    @Test
    void theApiAnswers401AsProblemJsonWithoutASessionCookie() throws Exception {
        mvc.perform(get("/api/v1/clients"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"));

        MvcResult authenticatedCall = mvc.perform(get("/api/v1/no-such-call")
                        .with(httpBasic("sec-owner", TestUsers.PASSWORD)))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn();
        assertThat(authenticatedCall.getResponse().getStatus()).isNotEqualTo(401);
        assertThat(authenticatedCall.getRequest().getSession(false)).isNull();
    }

    @Test
    void formLoginWorksAndChangesTheSessionId() throws Exception {
        Cookie before = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
        assertThat(before).as("the sign-in page's session (it holds the CSRF token)").isNotNull();
        MvcResult result = mvc.perform(SignInRequests.signIn("sec-owner", TestUsers.PASSWORD, "127.0.0.1").cookie(before))
                .andExpect(authenticated().withUsername("sec-owner").withRoles("OWNER"))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        assertThat(SignInRequests.sessionCookie(result).getValue()).isNotEqualTo(before.getValue());
    }

    @Test
    void aWrongPasswordIsRefusedWithAGenericMessage() throws Exception {
        mvc.perform(formLogin().user("sec-owner").password("wrong password!"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(containsString("Invalid username or password.")));
    }

    @Test
    void fiveFailuresLockOnlyThatUsernameAndTheMessageStaysTheSame() throws Exception {
        TestUsers.ensure("sec-locked", "ACCOUNT_MANAGER");
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("sec-locked").password("not the password " + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        // The right password no longer helps, and the answer looks like any failed login.
        mvc.perform(formLogin().user("sec-locked").password(TestUsers.PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/v1/clients").with(httpBasic("sec-locked", TestUsers.PASSWORD)))
                .andExpect(status().isUnauthorized());
        // Other users are unaffected.
        mvc.perform(formLogin().user("sec-staff").password(TestUsers.PASSWORD)).andExpect(authenticated());
    }

    @Test
    void logoutNeedsAPostWithACsrfToken() throws Exception {
        mvc.perform(post("/logout").with(user("sec-owner").roles("OWNER")))
                .andExpect(status().isForbidden());
        mvc.perform(logout()).andExpect(redirectedUrl("/login?logout"));
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/users").with(user("sec-owner").roles("OWNER")).param("username", "no-csrf")
                        .param("role", "STAFF").param("password", "a long enough phrase"))
                .andExpect(status().isForbidden());
        assertThat(userService.byUsername("no-csrf")).isEmpty();
        mvc.perform(post("/login").param("username", "sec-owner").param("password", TestUsers.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (var request : new org.springframework.test.web.servlet.RequestBuilder[] { get("/login"),
                get("/").with(user("sec-owner").roles("OWNER")), get("/api/v1/clients") }) {
            mvc.perform(request)
                    .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                    .andExpect(header().string("Content-Security-Policy", containsString("object-src 'none'")))
                    .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                    .andExpect(header().string("Content-Security-Policy", containsString("base-uri 'none'")))
                    .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Referrer-Policy", "same-origin"))
                    .andExpect(header().string("X-Frame-Options", "DENY"));
        }
        mvc.perform(get("/").with(user("sec-owner").roles("OWNER")))
                .andExpect(header().string("Cache-Control", containsString("no-store")));
    }

    @Test
    void pagesContainNoInlineScriptOrStyle() throws Exception {
        String html = mvc.perform(get("/users").with(user("sec-owner").roles("OWNER")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
                .doesNotContain(" style=\"").doesNotContain("<style");
    }

    @Test
    void staffCanChangeTheirOwnPassword() throws Exception {
        TestUsers.ensure("sec-pw", "STAFF");
        mvc.perform(post("/account/password").with(csrf()).with(user("sec-pw").roles("STAFF"))
                        .param("currentPassword", "wrong one")
                        .param("newPassword", "my new long secret").param("confirmPassword", "my new long secret"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The current password is not correct.")));
        mvc.perform(post("/account/password").with(csrf()).with(user("sec-pw").roles("STAFF"))
                        .param("currentPassword", TestUsers.PASSWORD)
                        .param("newPassword", "my new long secret").param("confirmPassword", "my new long secret"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin().user("sec-pw").password("my new long secret")).andExpect(authenticated());
    }
}
