package com.mspscorecard.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * Issue 13 item 6: clients an import creates belong to whoever imports (as a client created on
 * the form does), and a preview warns, in the reader's language, when the file changes figures
 * of clients another account manager looks after.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportOwnershipIntegrationTests {

    static final String MANAGER = "imp-own-am";
    static final String COLLEAGUE = "imp-own-colleague";
    static final String OWNER = "imp-own-owner";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ImportJobs jobs;

    String mine;
    String theirs;

    @BeforeEach
    void clients() {
        TestUsers.ensure(MANAGER, "ACCOUNT_MANAGER");
        TestUsers.ensure(COLLEAGUE, "ACCOUNT_MANAGER");
        TestUsers.ensure(OWNER, "OWNER");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        mine = "imp-own mine " + suffix;
        theirs = "imp-own theirs " + suffix;
        jdbc.update("insert into client (name, account_manager_id) values (?, ?)", mine, id(MANAGER));
        jdbc.update("insert into client (name, account_manager_id) values (?, ?)", theirs, id(COLLEAGUE));
    }

    private long id(String username) {
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    }

    @Test
    void clientsCreatedByAnImportBelongToWhoeverImports() throws Exception {
        String byManager = "imp-own new " + UUID.randomUUID().toString().substring(0, 8);
        String byOwner = byManager + " of the owner";
        importByApi(MANAGER, "ACCOUNT_MANAGER", "client,month,new_tickets\n" + byManager + ",2025-01,3\n");
        importByApi(OWNER, "OWNER", "client,month,new_tickets\n" + byOwner + ",2025-01,3\n");

        assertThat(jdbc.queryForObject("select account_manager_id from client where name = ?", Long.class, byManager))
                .isEqualTo(id(MANAGER));
        assertThat(jdbc.queryForObject("select account_manager_id from client where name = ?", Long.class, byOwner))
                .isEqualTo(id(OWNER));
    }

    @Test
    void thePreviewWarnsWhenTheFileChangesAnotherManagersClients() throws Exception {
        String preview = upload("client,month,new_tickets\n" + mine + ",2025-01,3\n" + theirs + ",2025-01,4\n"
                + theirs + ",2025-02,5\n");

        assertThat(page(preview + "?lang=en")).contains("This file changes the figures of one client that another "
                + "account manager looks after: " + theirs + " (" + COLLEAGUE + "). Check with them before you import.");
        assertThat(page(preview + "?lang=it")).contains("Questo file modifica i dati di un cliente seguito da un altro "
                + "account manager: " + theirs + " (" + COLLEAGUE + "). Verifica con loro prima di importare.");

        String ownFile = upload("client,month,new_tickets\n" + mine + ",2025-01,3\n");
        assertThat(page(ownFile + "?lang=en")).doesNotContain("another account manager looks after");
    }

    @Test
    void thePreviewSaysWhoTheNewClientsWillBelongTo() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "imp-own.csv", "text/csv",
                ("client,month,new_tickets\nimp-own brand new " + UUID.randomUUID() + ",2025-01,3\n")
                        .getBytes(StandardCharsets.UTF_8));
        String location = mvc.perform(multipart("/imports").file(file).param("createMissingClients", "true")
                        .with(manager()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        awaitDone(location.substring("/imports/".length()));

        assertThat(page(location + "?lang=en")).contains("The clients this import creates will be assigned to you");
        assertThat(page(location + "?lang=it")).contains("I clienti creati da questa importazione saranno assegnati a te");
    }

    private void importByApi(String username, String role, String csv) throws Exception {
        mvc.perform(post("/api/v1/imports").param("dry_run", "false").param("create_missing_clients", "true")
                        .contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8))
                        .with(user(username).roles(role)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("imported"));
    }

    private String upload(String csv) throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "imp-own.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        String location = mvc.perform(multipart("/imports").file(file).with(manager()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/imports/");
        awaitDone(location.substring("/imports/".length()));
        return location;
    }

    private void awaitDone(String token) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (jobs.find(token, MANAGER).map(ImportJobs.Job::running).orElse(true)) {
            assertThat(System.nanoTime()).as("the preview finishes").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private String page(String path) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(get(path).with(manager())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static RequestPostProcessor manager() {
        return user(MANAGER).roles("ACCOUNT_MANAGER");
    }
}
