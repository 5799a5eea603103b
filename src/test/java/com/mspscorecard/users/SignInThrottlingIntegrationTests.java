package com.mspscorecard.users;

import static com.mspscorecard.users.SignInRequests.from;
import static com.mspscorecard.users.SignInRequests.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 11, defect 8: throttling stops the attacker's address, never the real user's sign-in. */
@SpringBootTest
@AutoConfigureMockMvc
class SignInThrottlingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void badBasicRequestsFromOneAddressDoNotLockTheOwnerOut() throws Exception {
        TestUsers.ensure("thr-owner", "OWNER");
        for (int i = 0; i < 8; i++) {
            mvc.perform(get("/api/v1/clients").with(httpBasic("thr-owner", "a guess " + i)).with(from("203.0.113.66")))
                    .andExpect(status().isUnauthorized());
        }
        // The attacker's address is refused for this username, even with the right password ...
        mvc.perform(get("/api/v1/clients").with(httpBasic("thr-owner", TestUsers.PASSWORD)).with(from("203.0.113.66")))
                .andExpect(status().isUnauthorized());
        // ... while the owner, from their own address, signs in as usual.
        mvc.perform(get("/api/v1/clients").with(httpBasic("thr-owner", TestUsers.PASSWORD)).with(from("198.51.100.20")))
                .andExpect(status().isOk());
        mvc.perform(signIn("thr-owner", TestUsers.PASSWORD, "198.51.100.20")).andExpect(authenticated());
    }

    @Test
    void sprayingUsernamesFromOneAddressIsCutOffBeforeAnyPasswordIsChecked() throws Exception {
        TestUsers.ensure("thr-sprayed", "STAFF");
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/api/v1/clients").with(httpBasic("random-" + i, "a guess")).with(from("203.0.113.77")))
                    .andExpect(status().isUnauthorized());
        }
        // The address is cut off: not even a right password is checked from it now.
        mvc.perform(get("/api/v1/clients").with(httpBasic("thr-sprayed", TestUsers.PASSWORD)).with(from("203.0.113.77")))
                .andExpect(status().isUnauthorized());
        mvc.perform(signIn("thr-sprayed", TestUsers.PASSWORD, "203.0.113.77")).andExpect(unauthenticated());
        // Nobody else is.
        mvc.perform(get("/api/v1/clients").with(httpBasic("thr-sprayed", TestUsers.PASSWORD)).with(from("198.51.100.21")))
                .andExpect(status().isOk());
    }

    @Test
    void anIpv6AttackerCannotEscapeByRotatingAddressesWithinTheirNetwork() throws Exception {
        TestUsers.ensure("thr-v6", "STAFF");
        for (int i = 0; i < 6; i++) {
            mvc.perform(signIn("thr-v6", "a guess " + i, "2001:db8:1:2::" + Integer.toHexString(i + 1)))
                    .andExpect(unauthenticated());
        }
        mvc.perform(signIn("thr-v6", TestUsers.PASSWORD, "2001:db8:1:2::ff")).andExpect(unauthenticated());
        mvc.perform(signIn("thr-v6", TestUsers.PASSWORD, "2001:db8:9:9::1")).andExpect(authenticated());
    }
}
