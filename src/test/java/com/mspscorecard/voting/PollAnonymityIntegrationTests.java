package com.mspscorecard.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 11, defect 2: the owner must not be able to read one person's ballot by any means the
 * application gives (making or enabling accounts, choosing when to close, the voter list, the
 * count). Everything here goes through the pages an owner would use.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PollAnonymityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StaffVotes staffVotes;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anOwnerWithTwoAccountsMadeDuringThePollCannotReadTheOneRealBallot() throws Exception {
        String owner = "anon-owner-" + run, staff = "anon-staff-" + run;
        TestUsers.ensure(owner, "OWNER");
        TestUsers.ensure(staff, "STAFF");
        long worst = client("worst"), second = client("second");
        long poll = createPoll(owner);

        // The owner makes two accounts after the poll opened and votes with them and with their own.
        String fake1 = "anon-fake1-" + run, fake2 = "anon-fake2-" + run;
        for (String fake : new String[] { fake1, fake2 }) {
            mvc.perform(post("/users").param("username", fake).param("displayName", fake).param("role", "STAFF")
                    .param("password", "a long enough passphrase").with(csrf()).with(user(owner).roles("OWNER")))
                    .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "user.created"));
        }
        cast(poll, owner, "OWNER", worst).andExpect(flash().attribute("message", "ballot.cast"));
        cast(poll, fake1, "STAFF", worst).andExpect(flash().attribute("error", "ballot.notOnRoster"));
        cast(poll, fake2, "STAFF", worst).andExpect(flash().attribute("error", "ballot.notOnRoster"));
        mvc.perform(get("/polls/{id}", poll).with(user(fake1).roles("STAFF"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("You are not on this poll&#39;s roster")))
                .andExpect(content().string(not(containsString("id=\"ballot\""))));

        // A real member of staff votes; the owner looks for any sign of it.
        cast(poll, staff, "STAFF", second, worst).andExpect(flash().attribute("message", "ballot.cast"));
        mvc.perform(get("/polls/{id}", poll).with(user(owner).roles("OWNER"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("person has voted"))))
                .andExpect(content().string(not(containsString("people have voted"))))
                .andExpect(content().string(not(containsString("Who has voted"))))
                .andExpect(content().string(containsString("nobody, you included, can see how many")));
        mvc.perform(get("/polls/{id}/voters", poll).with(user(owner).roles("OWNER"))).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(staff))));
        mvc.perform(get("/polls/{id}/results", poll).with(user(owner).roles("OWNER"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("ballot-count"))))
                .andExpect(content().string(not(containsString("ballots cast"))))
                .andExpect(content().string(not(containsString("results-table"))));

        // Closing early right after that ballot is refused.
        mvc.perform(post("/polls/{id}/close", poll).with(csrf()).with(user(owner).roles("OWNER")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "poll.closeNeedsEveryone"));
        mvc.perform(get("/polls/{id}/results", poll).with(user(owner).roles("OWNER")))
                .andExpect(content().string(not(containsString("results-table"))));
        assertThat(staffVotes.closedPolls()).noneMatch(r -> r.pollId() == poll);

        // Withdrawing ends the poll, but its ballots are gone unread.
        mvc.perform(post("/polls/{id}/withdraw", poll).with(csrf()).with(user(owner).roles("OWNER")))
                .andExpect(flash().attribute("message", "poll.withdrawn"));
        mvc.perform(get("/polls/{id}/results", poll).with(user(owner).roles("OWNER")))
                .andExpect(content().string(containsString("its ballots were deleted unread")))
                .andExpect(content().string(not(containsString("results-table"))));
        assertThat(count("select count(*) from ballot where poll_id = ?", poll)).isZero();
        assertThat(staffVotes.closedPolls()).noneMatch(r -> r.pollId() == poll);
        cast(poll, staff, "STAFF", worst).andExpect(flash().attribute("error", "ballot.pollClosed"));
    }

    @Test
    void anAccountDisabledWhenThePollOpenedCannotVoteOnceEnabled() throws Exception {
        String owner = "anon-owner2-" + run, dormant = "anon-dormant-" + run;
        TestUsers.ensure(owner, "OWNER");
        TestUsers.ensure(dormant, "STAFF");
        long dormantId = jdbc.queryForObject("select id from app_user where username = ?", Long.class, dormant);
        mvc.perform(post("/users/{id}/enabled", dormantId).param("enabled", "false").with(csrf()).with(user(owner).roles("OWNER")))
                .andExpect(flash().attribute("message", "user.disabled"));
        long client = client("dormant");
        long poll = createPoll(owner);

        mvc.perform(post("/users/{id}/enabled", dormantId).param("enabled", "true").with(csrf()).with(user(owner).roles("OWNER")))
                .andExpect(flash().attribute("message", "user.enabled"));
        cast(poll, dormant, "STAFF", client).andExpect(flash().attribute("error", "ballot.notOnRoster"));
        assertThat(count("select count(*) from ballot where poll_id = ?", poll)).isZero();
    }

    @Test
    void everyVoterSeesTheRosterWithCreationDatesAndTheResidualRiskInEnglishAndItalian() throws Exception {
        String owner = "anon-owner3-" + run, staff = "anon-reader-" + run;
        TestUsers.ensure(owner, "OWNER");
        TestUsers.ensure(staff, "STAFF");
        jdbc.update("update app_user set created_at = ? where username = ?",
                Timestamp.from(Instant.parse("2024-03-05T10:00:00Z")), staff);
        long poll = createPoll(owner);
        String made = "anon-late-" + run;
        TestUsers.ensure(made, "STAFF");

        String page = mvc.perform(get("/polls/{id}", poll).with(user(staff).roles("STAFF"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String roster = page.substring(page.indexOf("id=\"roster-table\""), page.indexOf("</table>", page.indexOf("id=\"roster-table\"")));
        assertThat(roster).contains(owner, staff, "5 Mar 2024", "Account created", "new account")
                .doesNotContain(made);
        assertThat(page).contains("Check this list before you vote.", "No software can tell a real colleague")
                .doesNotContain("people have voted", "close-poll", "withdraw-poll");

        String italian = mvc.perform(get("/polls/{id}", poll).locale(Locale.ITALIAN).with(user(staff).roles("STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(italian).contains("Chi può votare", "Utente creato il", "mar 2024",
                "Controlla questo elenco prima di votare.", "Nessun software distingue");
    }

    @Test
    void closingEarlyWorksOnceEveryoneOnTheRosterHasVotedAndOwnersBallotsDoNotCountTowardsTheMinimum()
            throws Exception {
        String owner = "anon-owner4-" + run;
        String[] staff = { "anon-s1-" + run, "anon-s2-" + run, "anon-s3-" + run };
        long a = client("a"), b = client("b");

        // Owner and two staff: all vote, so the poll may close, but only two ballots are not the owner's.
        long small = pollWithRoster(owner, staff[0], staff[1]);
        cast(small, owner, "OWNER", a).andExpect(flash().attribute("message", "ballot.cast"));
        cast(small, staff[0], "STAFF", b).andExpect(flash().attribute("message", "ballot.cast"));
        mvc.perform(post("/polls/{id}/close", small).with(csrf()).with(user(owner).roles("OWNER")))
                .andExpect(flash().attribute("error", "poll.closeNeedsEveryone"));
        cast(small, staff[1], "STAFF", a, b).andExpect(flash().attribute("message", "ballot.cast"));
        mvc.perform(post("/polls/{id}/close", small).with(csrf()).with(user(owner).roles("OWNER")))
                .andExpect(flash().attribute("message", "poll.closed"));
        mvc.perform(get("/polls/{id}/results", small).with(user(staff[0]).roles("STAFF")))
                .andExpect(content().string(containsString("3 ballots cast")))
                .andExpect(content().string(containsString("at least 3 must come from people other than owners")))
                .andExpect(content().string(not(containsString("results-table"))));
        assertThat(staffVotes.closedPolls()).as("scoring gets no data either").noneMatch(r -> r.pollId() == small);

        // Owner and three staff: three ballots protect one another.
        long enough = pollWithRoster(owner, staff[0], staff[1], staff[2]);
        cast(enough, owner, "OWNER", a);
        cast(enough, staff[0], "STAFF", b);
        cast(enough, staff[1], "STAFF", a, b);
        cast(enough, staff[2], "STAFF", b, a);
        mvc.perform(post("/polls/{id}/close", enough).with(csrf()).with(user(owner).roles("OWNER")))
                .andExpect(flash().attribute("message", "poll.closed"));
        mvc.perform(get("/polls/{id}/results", enough).with(user(staff[0]).roles("STAFF")))
                .andExpect(content().string(containsString("4 ballots cast")))
                .andExpect(content().string(containsString("results-table")));
        assertThat(staffVotes.closedPolls()).anyMatch(r -> r.pollId() == enough);
    }

    /** The owner creates a poll opening today through the page; returns its id. */
    private long createPoll(String owner) throws Exception {
        String title = "anon-poll-" + UUID.randomUUID();
        mvc.perform(post("/polls").param("title", title).param("opensOn", LocalDate.now().toString())
                .param("closesOn", LocalDate.now().plusDays(7).toString()).param("picks", "3").with(csrf())
                .with(user(owner).roles("OWNER"))).andExpect(status().is3xxRedirection());
        return jdbc.queryForObject("select id from poll where title = ?", Long.class, title);
    }

    /**
     * An open poll whose roster is exactly these people, as if only they had accounts when it opened
     * (the shared test database holds every other test's users too).
     */
    private long pollWithRoster(String... usernames) {
        long poll = jdbc.queryForObject("""
                insert into poll (title, opens_on, closes_on, picks, roster_taken_at) values (?, ?, ?, 3, ?) returning id
                """, Long.class, "anon-roster-" + run, LocalDate.now().minusDays(1), LocalDate.now().plusDays(7),
                Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS)));
        for (String username : usernames) {
            TestUsers.ensure(username, username.startsWith("anon-owner") ? "OWNER" : "STAFF");
            jdbc.update("""
                    insert into poll_roster (poll_id, user_id, display_name, role, account_created_at)
                    select ?, id, display_name, role, created_at from app_user where username = ?
                    """, poll, username);
        }
        return poll;
    }

    private org.springframework.test.web.servlet.ResultActions cast(long poll, String username, String role,
            long... clients) throws Exception {
        MockHttpServletRequestBuilder request = post("/polls/{id}/ballot", poll).with(csrf()).with(user(username).roles(role));
        for (long client : clients) {
            request.param("pick", String.valueOf(client));
        }
        return mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    private long client(String suffix) {
        return jdbc.queryForObject("insert into client (name, status) values (?, 'ACTIVE') returning id", Long.class,
                "anon-" + suffix + "-" + run);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
