package com.mspscorecard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 12 item 1 and issue 13 items 5 and 7: the audit log stores codes and arguments, reads in the
 * reader's language, writes one entry per save naming the fields it changed, and is filtered by client name.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditLogIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditTrail trail;

    @Autowired
    TransactionTemplate transactions;

    String name;

    long client;

    @BeforeEach
    void client() {
        TestUsers.ensure("aud-am", "ACCOUNT_MANAGER");
        TestUsers.ensure("aud-owner", "OWNER");
        long manager = jdbc.queryForObject("select id from app_user where username = 'aud-am'", Long.class);
        name = "aud Rossi Impianti " + UUID.randomUUID().toString().substring(0, 6);
        client = jdbc.queryForObject("insert into client (name, account_manager_id) values (?, ?) returning id",
                Long.class, name, manager);
    }

    @Test
    void aMonthSaveThatChangesThreeFieldsIsOneEntryNamingThemInTheReadersLanguage() throws Exception {
        saveMonth("10", "1500.50", "1");
        saveMonth("12", "1600.00", "0");

        assertThat(jdbc.queryForObject("select count(*) from audit_entry where client_id = ?", Integer.class, client))
                .as("one entry per save").isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where client_id = ? and summary is not null",
                Integer.class, client)).as("no stored sentence").isZero();

        String italian = page("it", "rossi impianti " + name.substring(name.length() - 6));
        assertThat(italian).contains("Dati di " + name + " per giugno 2025 modificati")
                .contains("Dati di " + name + " per giugno 2025 inseriti")
                .contains("Nuovi ticket").contains("Ricavi").contains("Escalation")
                .contains("1.500,50").contains("1.600,00").doesNotContain("Figures of");
        String english = page("en", name);
        assertThat(english).contains("Figures of " + name + " for June 2025 changed").contains("New tickets")
                .contains("1,500.50").contains("(empty)");
    }

    @Test
    void theClientFilterMatchesPartOfTheNameAndPagingKeepsIt() throws Exception {
        for (int i = 1; i <= 51; i++) {
            saveMonth(String.valueOf(i), null, null);
        }
        String filter = ("impianti " + name.substring(name.length() - 6)).toUpperCase();
        String first = page("en", filter);
        assertThat(first).contains("1 / 2").contains("client=" + filter.replace(" ", "%20"));
        String second = mvc.perform(get("/audit").param("client", filter).param("page", "1")
                        .with(user("aud-owner").roles("OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(second).contains("2 / 2").contains(name);
        assertThat(page("en", "no client is called this")).contains("Nothing recorded for this filter.")
                .doesNotContain(name);
    }

    @Test
    void countsReadCorrectlyForOneAndForManyInItalian() throws Exception {
        transactions.executeWithoutResult(status -> {
            trail.recordAs("aud-owner", AuditEvent.of("IMPORTED", "IMPORT", null, "import.done", "uno.csv", "abc",
                    1L, 0L, 1L, 1L, 1L).forClient(client, name));
            trail.recordAs("aud-owner", AuditEvent.of("IMPORTED", "IMPORT", null, "import.done", "molti.csv", "def",
                    1200L, 3L, 2L, 5L, 4L).forClient(client, name));
        });
        String italian = page("it", name);
        assertThat(italian).contains("Importato uno.csv (SHA-256 abc): 1 riga, nessuna nuova, 1 modificata, "
                + "1 invariata, 1 cliente creato");
        assertThat(italian).contains("Importato molti.csv (SHA-256 def): 1.200 righe, 3 nuove, 2 modificate, "
                + "5 invariate, 4 clienti creati");
        assertThat(page("en", name)).contains("1 row, 0 new, 1 changed, 1 unchanged, 1 client created")
                .contains("1,200 rows, 3 new, 2 changed, 5 unchanged, 4 clients created");
    }

    @Test
    void anEntryStoredInEnglishBeforeTheCodesIsMarkedAsSuch() throws Exception {
        jdbc.update("insert into audit_entry (actor, action, entity_type, client_id, client_name, summary) "
                + "values ('aud-owner', 'CREATED', 'CLIENT', ?, ?, ?)", client, name, "Client " + name + " created");
        assertThat(page("it", name)).contains("Voce registrata in inglese prima che il registro fosse tradotto: Client "
                + name + " created");
    }

    @Test
    @WithMockUser(username = "aud-am", roles = "ACCOUNT_MANAGER")
    void everyCodeTheApplicationWritesHasASentenceInBothLanguages() {
        List<String> codes = List.of("client.created", "client.createdByImport", "client.changed", "snapshot.created",
                "snapshot.changed", "snapshot.imported", "incident.created", "incident.deleted", "import.done",
                "demo.loaded", "model.drafted", "model.edited", "model.discarded", "model.activated", "poll.created",
                "poll.closedEarly", "poll.closedOnDate", "poll.withdrawn", "token.created", "token.revoked",
                "user.created", "user.roleChanged", "user.enabled", "user.disabled", "user.passwordChanged", "signIn",
                "signIn.failed", "passwordCheck.failed", "signIn.lockedAddress", "signIn.lockedUser");
        for (String file : List.of("messages/audit.properties", "messages/audit_it.properties")) {
            java.util.Properties bundle = new java.util.Properties();
            try (var in = new java.io.InputStreamReader(getClass().getClassLoader().getResourceAsStream(file),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                bundle.load(in);
            }
            catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            for (String code : codes) {
                assertThat(bundle.getProperty("audit.event." + code)).as(file + ": " + code).isNotBlank();
            }
        }
    }

    private void saveMonth(String newTickets, String revenue, String escalations) throws Exception {
        var request = post("/clients/" + client + "/months").with(csrf()).with(user("aud-am").roles("ACCOUNT_MANAGER"))
                .param("month", "2025-06").param("new_tickets", newTickets);
        if (revenue != null) {
            request.param("revenue", revenue).param("escalations", escalations);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    private String page(String language, String clientFilter) throws Exception {
        return mvc.perform(get("/audit").param("lang", language).param("client", clientFilter)
                        .with(user("aud-owner").roles("OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
