package com.mspscorecard.users;

import static com.mspscorecard.users.SignInRequests.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 11, defect 7: sign-ins, failures and lockouts reach the audit log and the application log. */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SignInAuditIntegrationTests {

    private static final String WRONG = "Tr0ub4dor&3-wrong";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void signInsFailuresAndLockoutsAreRecordedWithoutAnyPassword(CapturedOutput output) throws Exception {
        TestUsers.ensure("aud-signer", "STAFF");
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn("aud-signer", WRONG + i, "192.0.2.31")).andExpect(unauthenticated());
        }
        mvc.perform(signIn("aud-signer", TestUsers.PASSWORD, "192.0.2.32")).andExpect(authenticated());
        // A password typed into the username field is not a username to record.
        mvc.perform(signIn(WRONG + "-as-name", WRONG, "192.0.2.33")).andExpect(unauthenticated());

        assertThat(count("aud-signer", "SIGN_IN_FAILED")).isEqualTo(5);
        assertThat(count("aud-signer", "SIGN_IN_LOCKED")).isEqualTo(1);
        assertThat(count("aud-signer", "SIGNED_IN")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'SIGN_IN_FAILED' "
                + "and args::text like '%192.0.2.33%'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where concat_ws(' ', actor, summary, "
                + "args::text, changes::text) like ?", Integer.class, "%Tr0ub4dor%")).isZero();

        assertThat(output.getAll()).contains("aud-signer").contains("192.0.2.31").contains("192.0.2.32")
                .doesNotContain("Tr0ub4dor").doesNotContain(TestUsers.PASSWORD);
    }

    private int count(String actor, String action) {
        return jdbc.queryForObject("select count(*) from audit_entry where actor = ? and action = ?", Integer.class,
                actor, action);
    }
}
