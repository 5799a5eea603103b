package com.mspscorecard.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.security.test.context.support.WithMockUser;

/** Voting boots with its dependencies only; withdrawing a poll discards it without announcing results. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class VotingModuleTests {

    @Autowired
    PollService polls;

    @Autowired
    StaffVotes votes;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithMockUser(username = "voting-module", roles = "OWNER")
    void aWithdrawnPollNeverHasResults(AssertablePublishedEvents events) {
        TestUsers.ensure("voting-module", "OWNER");
        String title = "voting-module " + UUID.randomUUID().toString().substring(0, 8);
        long poll = polls.create(new PollForm(title, polls.today(), polls.today().plusDays(10), 5));
        polls.withdraw(poll);

        assertThat(events.ofType(PollClosed.class)).isEmpty();
        assertThat(votes.closedPolls()).noneMatch(p -> p.pollId() == poll);
        assertThat(jdbc.queryForObject("select withdrawn from poll where id = ?", Boolean.class, poll)).isTrue();
    }
}
