package com.mspscorecard.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.security.test.context.support.WithMockUser;

/** Clients boot with their dependencies only and announce a new client's terms to whoever scores them. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class ClientsModuleTests {

    @Autowired
    ClientService clients;

    @Autowired
    ClientQueries queries;

    @Test
    @WithMockUser(username = "clients-module", roles = "OWNER")
    void creatingAClientPublishesItsTerms(AssertablePublishedEvents events) {
        ClientForm form = new ClientForm();
        form.setName("clients-module " + UUID.randomUUID().toString().substring(0, 8));
        Client client = clients.create(form);

        assertThat(events).contains(ClientTermsChanged.class).matching(ClientTermsChanged::clientId, client.getId());
        assertThat(queries.byId(client.getId())).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo(form.getName()));
    }
}
