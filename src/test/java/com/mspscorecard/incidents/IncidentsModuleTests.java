package com.mspscorecard.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.security.test.context.support.WithMockUser;

/** Incidents boot with their dependencies only; logging one announces the client it concerns. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class IncidentsModuleTests {

    @Autowired
    IncidentService incidents;

    @Autowired
    IncidentQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithMockUser(username = "incidents-module", roles = "STAFF")
    void loggingAnIncidentPublishesTheClientItConcerns(AssertablePublishedEvents events) {
        TestUsers.ensure("incidents-module", "STAFF");
        long client = jdbc.queryForObject("insert into client (name) values (?) returning id", Long.class,
                "incidents-module " + UUID.randomUUID().toString().substring(0, 8));
        incidents.log(client, new IncidentForm(client, LocalDate.of(2025, 5, 2), IncidentCategory.ABUSIVE_TREATMENT,
                "Shouted at the help desk"), "incidents-module");

        assertThat(events).contains(IncidentsChanged.class).matching(IncidentsChanged::clientId, client);
        assertThat(queries.ofClients(java.util.List.of(client))).hasSize(1);
    }
}
