package com.mspscorecard.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class VotingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PollService polls;

    @Autowired
    StaffVotes staffVotes;

    @Autowired
    PollClosingAnnouncer announcer;

    @Autowired
    ApplicationEvents events;

    @Test
    void twoSimultaneousBallotsByOnePersonStoreExactlyOne() throws Exception {
        TestUsers.ensure("vote-twice", "STAFF");
        long client = client("twice");
        long poll = openPoll(3);
        int auditRows = count("select count(*) from audit_entry");

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            outcomes.add(threads.submit(() -> {
                start.await();
                try {
                    polls.cast(poll, "vote-twice", List.of(String.valueOf(client)));
                    return "stored";
                }
                catch (VotingRuleViolation refused) {
                    return refused.code();
                }
            }));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        threads.shutdown();

        assertThat(results).containsExactlyInAnyOrder("stored", "ballot.alreadyCast");
        assertThat(count("select count(*) from ballot where poll_id = ?", poll)).isEqualTo(1);
        assertThat(count("select count(*) from poll_voter where poll_id = ?", poll)).isEqualTo(1);
        assertThat(count("select count(*) from audit_entry")).as("voting is never audited").isEqualTo(auditRows);
    }

    @Test
    void aSecondBallotIsRefusedWithAClearMessage() throws Exception {
        TestUsers.ensure("vote-again", "ACCOUNT_MANAGER");
        long client = client("again");
        long poll = openPoll(5);

        mvc.perform(post("/polls/{id}/ballot", poll).param("pick", String.valueOf(client)).with(csrf())
                .with(user("vote-again").roles("ACCOUNT_MANAGER")))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "ballot.cast"));
        var again = mvc.perform(post("/polls/{id}/ballot", poll).param("pick", String.valueOf(client)).with(csrf())
                .with(user("vote-again").roles("ACCOUNT_MANAGER")))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "ballot.alreadyCast")).andReturn();
        // As the browser follows the redirect: with the session (in PostgreSQL) that holds the flash message.
        mvc.perform(get("/polls/{id}", poll).cookie(again.getResponse().getCookie("SESSION"))
                .with(user("vote-again").roles("ACCOUNT_MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("You have already voted in this poll")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"ballot\""))));

        assertThat(count("select count(*) from ballot where poll_id = ?", poll)).isEqualTo(1);
    }

    @Test
    void ballotTablesHoldNoVoterNoTimeAndNoSequence() {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_name, column_name, data_type, column_default from information_schema.columns
                where table_schema = current_schema() and table_name in ('ballot', 'ballot_pick')
                order by table_name, ordinal_position
                """);
        assertThat(columns).extracting(c -> c.get("table_name") + "." + c.get("column_name") + ":" + c.get("data_type"))
                .containsExactly("ballot.id:uuid", "ballot.poll_id:bigint", "ballot_pick.ballot_id:uuid",
                        "ballot_pick.rank:smallint", "ballot_pick.client_id:bigint");
        assertThat(columns).allSatisfy(c -> assertThat(c.get("column_default")).as("default of %s", c).isNull());
        assertThat(columns).noneSatisfy(c -> assertThat((String) c.get("data_type")).containsAnyOf("time", "date"));

        List<String> referenced = jdbc.queryForList("""
                select ccu.table_name from information_schema.table_constraints tc
                join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
                where tc.constraint_type = 'FOREIGN KEY' and tc.table_name in ('ballot', 'ballot_pick')
                """, String.class);
        assertThat(referenced).doesNotContain("app_user", "poll_voter").contains("poll", "ballot", "client");
        assertThat(count("""
                select count(*) from information_schema.columns where table_schema = current_schema()
                and table_name in ('ballot', 'ballot_pick') and column_default like 'nextval%'
                """)).isZero();
        assertThat(count("""
                select count(*) from pg_class s join pg_depend d on d.objid = s.oid
                join pg_class t on t.oid = d.refobjid
                where s.relkind = 'S' and t.relname in ('ballot', 'ballot_pick')
                """)).as("sequences owned by ballot tables").isZero();
    }

    @Test
    void resultsStayHiddenWhileOpenAndBelowTheMinimumThenShowBordaOrder() throws Exception {
        long x = client("x"), y = client("y"), z = client("z"), w = client("w");
        long poll = rosterPoll(3, "vote-r1", "vote-r2", "vote-r3");
        vote(poll, "vote-r1", x, y, z);
        vote(poll, "vote-r2", y, x);

        // Open: hidden, for everyone, in the page and the scoring API alike.
        resultsPage(poll).andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"results-hidden\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("results-table"))));
        assertThat(staffVotes.closedPolls()).noneMatch(r -> r.pollId() == poll);

        vote(poll, "vote-r3", z, y, w);
        assertThat(staffVotes.closedPolls()).as("three ballots but still open").noneMatch(r -> r.pollId() == poll);

        String sameTransaction = """
                select count(*) from ballot b where b.poll_id = ?
                and b.xmin::text in (select v.xmin::text from poll_voter v where v.poll_id = ?)
                """;
        assertThat(count(sameTransaction, poll, poll)).as("ballots written with their voters").isEqualTo(3);

        polls.closeEarly(poll);
        assertThat(events.stream(PollClosed.class)).contains(new PollClosed(poll, LocalDate.now()));
        assertThat(count(sameTransaction, poll, poll)).as("closing rewrites ballots apart from their voters").isZero();
        assertThat(count("select count(*) from ballot where poll_id = ?", poll)).isEqualTo(3);
        assertThat(count("select count(*) from ballot_pick p join ballot b on b.id = p.ballot_id where b.poll_id = ?",
                poll)).isEqualTo(8);

        ClosedPollResult result = staffVotes.closedPolls().stream().filter(r -> r.pollId() == poll).findFirst()
                .orElseThrow();
        assertThat(result.closedOn()).isEqualTo(LocalDate.now());
        assertThat(result.shareByClient()).containsOnly(Map.entry(y, new BigDecimal("0.411765")),
                Map.entry(x, new BigDecimal("0.294118")), Map.entry(z, new BigDecimal("0.235294")),
                Map.entry(w, new BigDecimal("0.058824")));

        String page = resultsPage(poll).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"results-table\"", "id=\"results-chart\"", "id=\"results-data\"");
        int table = page.indexOf("results-table");
        assertThat(List.of(page.indexOf(name("y"), table), page.indexOf(name("x"), table), page.indexOf(name("z"), table),
                page.indexOf(name("w"), table))).isSorted().doesNotContain(-1);
    }

    @Test
    void aClosedPollWithTooFewBallotsShowsNoResults() throws Exception {
        long a = client("few");
        long poll = rosterPoll(5, "vote-f1", "vote-f2");
        vote(poll, "vote-f1", a);
        vote(poll, "vote-f2", a);
        polls.closeEarly(poll);

        assertThat(staffVotes.closedPolls()).noneMatch(r -> r.pollId() == poll);
        resultsPage(poll).andExpect(content().string(org.hamcrest.Matchers.containsString("Too few ballots")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("results-data"))));
    }

    @Test
    void onlyDistinctActiveClientsCanBeNamed() {
        TestUsers.ensure("vote-picky", "STAFF");
        long active = client("active");
        long gone = jdbc.queryForObject("insert into client (name, status) values (?, 'OFFBOARDED') returning id",
                Long.class, name("gone"));
        long poll = openPoll(3);

        assertThatThrownBy(() -> polls.cast(poll, "vote-picky", List.of(String.valueOf(active), String.valueOf(gone))))
                .hasMessage("ballot.inactiveClient");
        assertThatThrownBy(() -> polls.cast(poll, "vote-picky", List.of(String.valueOf(active), String.valueOf(active))))
                .hasMessage("ballot.duplicate");
        assertThat(count("select count(*) from poll_voter where poll_id = ?", poll)).as("refused ballots leave no trace")
                .isZero();
    }

    @Test
    void aRefusedBallotIsShownAgainWithTheReason() throws Exception {
        TestUsers.ensure("vote-form", "STAFF");
        long active = client("form");
        long poll = openPoll(3);
        mvc.perform(post("/polls/{id}/ballot/review", poll).param("pick", String.valueOf(active))
                .param("pick", String.valueOf(active)).with(csrf()).with(user("vote-form").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Each client can be named only once")));
    }

    @Test
    void changingPicksAfterReviewRefillsTheBallotWithoutPuttingPicksInTheUrl() throws Exception {
        TestUsers.ensure("vote-change", "STAFF");
        long first = client("change-1"), second = client("change-2");
        long poll = openPoll(3);
        String page = mvc.perform(post("/polls/{id}", poll).param("pick", String.valueOf(second))
                .param("pick", String.valueOf(first)).with(csrf()).with(user("vote-change").roles("STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        String place1 = page.substring(page.indexOf("id=\"pick-1\""), page.indexOf("id=\"pick-2\""));
        assertThat(place1).contains("value=\"" + second + "\" selected");
        assertThat(page.substring(page.indexOf("id=\"pick-2\""))).contains("value=\"" + first + "\" selected");
        assertThat(count("select count(*) from poll_voter where poll_id = ?", poll)).isZero();
    }

    @Test
    void staffVoteButCannotCreateOrClosePollsNorSeeVoters() throws Exception {
        TestUsers.ensure("vote-staff", "STAFF");
        long client = client("staff");
        long poll = openPoll(5);

        mvc.perform(post("/polls").param("title", "Mine").param("opensOn", LocalDate.now().toString())
                .param("closesOn", LocalDate.now().plusDays(3).toString()).param("picks", "5").with(csrf())
                .with(user("vote-staff").roles("STAFF"))).andExpect(status().isForbidden());
        mvc.perform(post("/polls/{id}/close", poll).with(csrf()).with(user("vote-staff").roles("STAFF")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/polls/{id}/withdraw", poll).with(csrf()).with(user("vote-staff").roles("STAFF")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/polls/{id}", poll).with(user("vote-staff").roles("STAFF"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("close-poll"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("voter-count"))));
        mvc.perform(post("/polls/{id}/ballot", poll).param("pick", String.valueOf(client)).with(csrf())
                .with(user("vote-staff").roles("STAFF"))).andExpect(flash().attribute("message", "ballot.cast"));

        assertThat(jdbc.queryForObject("select closed_early_on from poll where id = ?", LocalDate.class, poll)).isNull();
        assertThat(count("select count(*) from ballot where poll_id = ?", poll)).isEqualTo(1);
    }

    @Test
    void theOwnerCreatesAPollButNeverSeesHowManyOrWhoHaveVoted() throws Exception {
        TestUsers.ensure("vote-owner", "OWNER");
        for (String voter : List.of("vote-o1", "vote-o2", "vote-o3")) {
            TestUsers.ensure(voter, "STAFF");
        }
        String title = "vote-poll-" + UUID.randomUUID();
        String location = mvc.perform(post("/polls").param("title", title).param("opensOn", LocalDate.now().toString())
                .param("closesOn", LocalDate.now().plusDays(3).toString()).param("picks", "2").with(csrf())
                .with(user("vote-owner").roles("OWNER"))).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long poll = jdbc.queryForObject("select id from poll where title = ?", Long.class, title);
        assertThat(location).isEqualTo("/polls/" + poll);
        assertThat(count("select count(*) from audit_entry where entity_type = 'POLL' and entity_id = ?", poll)).isOne();

        long a = client("owner-a"), b = client("owner-b");
        polls.cast(poll, "vote-o1", List.of(String.valueOf(a)));
        polls.cast(poll, "vote-o2", List.of(String.valueOf(b), String.valueOf(a)));
        polls.cast(poll, "vote-o3", List.of(String.valueOf(b)));
        mvc.perform(get("/polls/{id}/voters", poll).with(user("vote-owner").roles("OWNER")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/polls/{id}", poll).with(user("vote-owner").roles("OWNER"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"roster-table\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("have voted<"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("3 people"))));
    }

    @Test
    void aPollWithADatePastTheClosingDateIsAnnouncedOnce() {
        long poll = jdbc.queryForObject("""
                insert into poll (title, opens_on, closes_on, picks) values (?, ?, ?, 5) returning id
                """, Long.class, "vote-past", LocalDate.now().minusDays(10), LocalDate.now().minusDays(1));

        announcer.announceClosedPolls();
        assertThat(events.stream(PollClosed.class)).contains(new PollClosed(poll, LocalDate.now().minusDays(1)));
        assertThat(jdbc.queryForObject("select announced from poll where id = ?", Boolean.class, poll)).isTrue();

        assertThat(announcer.announceClosedPolls()).as("nothing left to announce").isZero();
        assertThatThrownBy(() -> polls.closeEarly(poll)).hasMessage("poll.alreadyClosed");
    }

    @Test
    void theDailyCheckTakesTheRosterOfAPollThatOpenedUnseenAndLaterAccountsStayOff() {
        TestUsers.ensure("vote-early-bird", "STAFF");
        long poll = openPoll(3);
        announcer.announceClosedPolls();
        TestUsers.ensure("vote-late-comer", "STAFF");

        assertThat(jdbc.queryForObject("select roster_taken_at is not null from poll where id = ?", Boolean.class, poll))
                .isTrue();
        List<String> roster = jdbc.queryForList("""
                select u.username from poll_roster r join app_user u on u.id = r.user_id where r.poll_id = ?
                """, String.class, poll);
        assertThat(roster).contains("vote-early-bird").doesNotContain("vote-late-comer");
        assertThatThrownBy(() -> polls.cast(poll, "vote-late-comer", List.of(String.valueOf(client("late")))))
                .hasMessage("ballot.notOnRoster");
    }

    private org.springframework.test.web.servlet.ResultActions resultsPage(long poll) throws Exception {
        TestUsers.ensure("vote-reader", "STAFF");
        return mvc.perform(get("/polls/{id}/results", poll).with(user("vote-reader").roles("STAFF")))
                .andExpect(status().isOk());
    }

    /** Casts a ballot as one of the people {@link #rosterPoll} put on the poll's roster. */
    private void vote(long poll, String username, long... clientIds) {
        List<String> picks = new ArrayList<>();
        for (long id : clientIds) {
            picks.add(String.valueOf(id));
        }
        polls.cast(poll, username + "-" + poll, Collections.unmodifiableList(picks));
    }

    private long openPoll(int picks) {
        return jdbc.queryForObject("""
                insert into poll (title, opens_on, closes_on, picks) values (?, ?, ?, ?) returning id
                """, Long.class, "vote-poll", LocalDate.now().minusDays(1), LocalDate.now().plusDays(7), picks);
    }

    /**
     * An open poll whose roster is exactly these people (made STAFF, named {@code name-<poll id>}),
     * as if only they had accounts when it opened: the shared test database holds every other
     * test's users too, and closing early needs everyone on the roster to have voted.
     */
    private long rosterPoll(int picks, String... usernames) {
        long poll = jdbc.queryForObject("""
                insert into poll (title, opens_on, closes_on, picks, roster_taken_at) values (?, ?, ?, ?, now())
                returning id
                """, Long.class, "vote-poll", LocalDate.now().minusDays(1), LocalDate.now().plusDays(7), picks);
        for (String username : usernames) {
            TestUsers.ensure(username + "-" + poll, "STAFF");
            jdbc.update("""
                    insert into poll_roster (poll_id, user_id, display_name, role, account_created_at)
                    select ?, id, display_name, role, created_at from app_user where username = ?
                    """, poll, username + "-" + poll);
        }
        return poll;
    }

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private String name(String suffix) {
        return "vote-" + suffix + "-" + run;
    }

    private long client(String suffix) {
        return jdbc.queryForObject("insert into client (name, status) values (?, 'ACTIVE') returning id", Long.class,
                name(suffix));
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
