package com.mspscorecard.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ApiTokenIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserService users;

    private String createToken(String username) throws Exception {
        return (String) mvc.perform(post("/account/tokens").with(csrf()).with(user(username).roles("ACCOUNT_MANAGER"))
                        .param("name", "PSA sync"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap().get("newToken");
    }

    @Test
    void aTokenIsShownOnceStoredOnlyAsAHashAndAuthenticatesApiCallsWithoutASession() throws Exception {
        TestUsers.ensure("tok-am", "ACCOUNT_MANAGER");
        String token = createToken("tok-am");
        assertThat(token).startsWith("msp_").hasSizeGreaterThan(40);
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Integer.class,
                ApiTokenService.hash(token))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Integer.class, token))
                .isZero();

        var result = mvc.perform(get("/api/v1/no-such-call").header("Authorization", "Bearer " + token))
                .andExpect(header().doesNotExist("Set-Cookie")).andReturn();
        assertThat(result.getResponse().getStatus()).isNotIn(401, 403);

        mvc.perform(get("/api/v1/no-such-call").header("Authorization", "Bearer msp_forged"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void revokedTokensAndTokensOfDisabledUsersStopWorking() throws Exception {
        TestUsers.ensure("tok-revoker", "ACCOUNT_MANAGER");
        String token = createToken("tok-revoker");
        Long id = jdbc.queryForObject("select id from api_token where token_hash = ?", Long.class,
                ApiTokenService.hash(token));
        mvc.perform(post("/account/tokens/{id}/revoke", id).with(csrf()).with(user("tok-revoker").roles("ACCOUNT_MANAGER")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/no-such-call").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());

        TestUsers.ensure("tok-leaver", "ACCOUNT_MANAGER");
        String other = createToken("tok-leaver");
        jdbc.update("update app_user set enabled = false where username = 'tok-leaver'");
        mvc.perform(get("/api/v1/no-such-call").header("Authorization", "Bearer " + other))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void nobodyCanRevokeSomeoneElsesToken() throws Exception {
        TestUsers.ensure("tok-owner-a", "ACCOUNT_MANAGER");
        TestUsers.ensure("tok-other-b", "STAFF");
        String token = createToken("tok-owner-a");
        Long id = jdbc.queryForObject("select id from api_token where token_hash = ?", Long.class,
                ApiTokenService.hash(token));
        mvc.perform(post("/account/tokens/{id}/revoke", id).with(csrf()).with(user("tok-other-b").roles("STAFF")))
                .andExpect(status().is3xxRedirection());
        var result = mvc.perform(get("/api/v1/no-such-call").header("Authorization", "Bearer " + token)).andReturn();
        assertThat(result.getResponse().getStatus()).isNotIn(401, 403);
    }

    @Test
    void theTokensPageShowsTheNewTokenOnceListsItsTokensAndRevokesThem() throws Exception {
        TestUsers.ensure("tok-page", "STAFF");
        var created = mvc.perform(post("/account/tokens").with(csrf()).with(user("tok-page").roles("STAFF"))
                        .param("name", "Backup <script>"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String token = (String) created.getFlashMap().get("newToken");

        // The redirect's page: the token once, the list with its name, the column headers.
        // As the browser follows the redirect: with the session (in PostgreSQL) that holds the flash.
        mvc.perform(get("/account/tokens").with(user("tok-page").roles("STAFF"))
                        .cookie(SignInRequests.sessionCookie(created)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(token)))
                .andExpect(content().string(containsString("Backup &lt;script&gt;")))
                .andExpect(content().string(containsString(">Created</th>")))
                .andExpect(content().string(containsString("Revoke")));
        mvc.perform(get("/account/tokens").with(user("tok-page").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(token))))
                .andExpect(content().string(containsString("Backup &lt;script&gt;")));
        mvc.perform(get("/account/tokens").param("lang", "it").with(user("tok-page").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Creato</th>")));

        Long id = jdbc.queryForObject("select id from api_token where token_hash = ?", Long.class,
                ApiTokenService.hash(token));
        var revoked = mvc.perform(post("/account/tokens/{id}/revoke", id).with(csrf())
                        .with(user("tok-page").roles("STAFF")))
                .andExpect(status().is3xxRedirection()).andReturn();
        mvc.perform(get("/account/tokens").with(user("tok-page").roles("STAFF"))
                        .cookie(SignInRequests.sessionCookie(revoked)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The token was revoked.")))
                .andExpect(content().string(containsString(">revoked<")));
    }
}
