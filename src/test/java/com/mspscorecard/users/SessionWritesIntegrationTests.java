package com.mspscorecard.users;

import static com.mspscorecard.users.SignInRequests.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A page view writes its session's access time only when the stored one is a minute old: the
 * sessions table is not written on every request, and a session still stays alive while used.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionWritesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSecondPageViewWithinAMinuteWritesNothingAndALaterOneRecordsTheAccess() throws Exception {
        TestUsers.ensure("session-writes", "STAFF");
        Cookie session = SignInRequests.sessionCookie(mvc.perform(signIn("session-writes", TestUsers.PASSWORD, "10.9.0.1"))
                .andExpect(status().is3xxRedirection()).andReturn());
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        long first = accessTime();
        long writesBefore = rowWrites();

        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/incidents").cookie(session)).andExpect(status().isOk());
        assertThat(accessTime()).as("access time after two more views within the minute").isEqualTo(first);
        assertThat(rowWrites()).as("writes to the session's row").isEqualTo(writesBefore);

        jdbc.update("update spring_session set last_access_time = last_access_time - 120000, "
                + "expiry_time = expiry_time - 120000 where principal_name = 'session-writes'");
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        assertThat(accessTime()).as("access time after a view two minutes later").isGreaterThan(first - 120000);
    }

    @Test
    void aSessionIdleBeyondItsTimeOutIsSignedOut() throws Exception {
        TestUsers.ensure("session-idle", "STAFF");
        Cookie session = SignInRequests.sessionCookie(mvc.perform(signIn("session-idle", TestUsers.PASSWORD, "10.9.0.2"))
                .andExpect(status().is3xxRedirection()).andReturn());
        jdbc.update("update spring_session set last_access_time = last_access_time - 31 * 60000, "
                + "expiry_time = expiry_time - 31 * 60000 where principal_name = 'session-idle'");
        String location = mvc.perform(get("/incidents").cookie(session)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).contains("/login");
    }

    private long accessTime() {
        return jdbc.queryForObject("select last_access_time from spring_session where principal_name = 'session-writes'",
                Long.class);
    }

    /** The row's transaction id: it changes with every UPDATE of the row, and only then. */
    private long rowWrites() {
        return jdbc.queryForObject("select xmin::text::bigint from spring_session where principal_name = 'session-writes'",
                Long.class);
    }
}
