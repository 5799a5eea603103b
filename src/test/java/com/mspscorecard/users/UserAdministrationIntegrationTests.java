package com.mspscorecard.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class UserAdministrationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserService users;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void owner() {
        TestUsers.ensure("adm-owner", "OWNER");
    }

    @Test
    void theOwnerCreatesAUserWhoCanSignInAndTheCreationIsAudited() throws Exception {
        mvc.perform(post("/users").with(csrf()).with(user("adm-owner").roles("OWNER"))
                        .param("username", "adm-tech").param("displayName", "Tina Tech").param("role", "STAFF")
                        .param("password", "tina's long password"))
                .andExpect(redirectedUrl("/users"));
        assertThat(users.byUsername("adm-tech")).hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.STAFF));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where actor = 'adm-owner' "
                + "and code = 'user.created' and args->>0 = ?", Integer.class, "adm-tech")).isEqualTo(1);
    }

    @Test
    void aDuplicateUsernameIsShownNextToTheField() throws Exception {
        TestUsers.ensure("adm-dupe", "STAFF");
        mvc.perform(post("/users").with(csrf()).with(user("adm-owner").roles("OWNER"))
                        .param("username", "ADM-DUPE").param("role", "STAFF").param("password", "a long enough phrase"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This username is already taken.")));
    }

    @Test
    void disablingAUserEndsTheirSessionAndRefusesTheirLogin() throws Exception {
        TestUsers.ensure("adm-leaver", "ACCOUNT_MANAGER");
        Cookie session = SignInRequests.sessionCookie(
                mvc.perform(formLogin().user("adm-leaver").password(TestUsers.PASSWORD)).andReturn());
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

        Long id = users.byUsername("adm-leaver").orElseThrow().id();
        mvc.perform(post("/users/{id}/enabled", id).with(csrf()).with(user("adm-owner").roles("OWNER"))
                .param("enabled", "false")).andExpect(redirectedUrl("/users"));

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(formLogin().user("adm-leaver").password(TestUsers.PASSWORD)).andExpect(unauthenticated());
    }

    @Test
    void changingARoleEndsTheUsersSessions() throws Exception {
        TestUsers.ensure("adm-mover", "ACCOUNT_MANAGER");
        Cookie session = SignInRequests.sessionCookie(
                mvc.perform(formLogin().user("adm-mover").password(TestUsers.PASSWORD)).andReturn());
        Long id = users.byUsername("adm-mover").orElseThrow().id();
        mvc.perform(post("/users/{id}/role", id).with(csrf()).with(user("adm-owner").roles("OWNER"))
                .param("role", "STAFF")).andExpect(redirectedUrl("/users"));
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login?expired"));
        assertThat(users.byUsername("adm-mover").orElseThrow().role()).isEqualTo(Role.STAFF);
    }

    @Test
    void theOwnerCannotDisableThemselves() throws Exception {
        Long id = users.byUsername("adm-owner").orElseThrow().id();
        mvc.perform(post("/users/{id}/enabled", id).with(csrf()).with(user("adm-owner").roles("OWNER"))
                .param("enabled", "false")).andExpect(redirectedUrl("/users"));
        assertThat(users.byUsername("adm-owner").orElseThrow().enabled()).isTrue();
    }
}
