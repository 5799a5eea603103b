package com.mspscorecard.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import com.mspscorecard.support.TestUsers;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An import whose database connection is killed half-way through its commit (after its snapshots
 * are written, before it is recorded) leaves nothing behind and says so, and the next import works.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportKilledConnectionIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void aKilledConnectionMidCommitWritesNothingAndSaysWhy() throws Exception {
        TestUsers.ensure("imp-kill-owner", "OWNER");
        String prefix = "imp-kill-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        StringBuilder csv = new StringBuilder("client,month,new_tickets,revenue\n");
        for (int client = 0; client < 200; client++) {
            for (int month = 1; month <= 12; month++) {
                csv.append(prefix).append(client).append(",2024-").append(String.format("%02d", month)).append(',')
                        .append(month).append(",1000.50\n");
            }
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection blocker = dataSource.getConnection()) {
            // The import writes its snapshots, then waits to record itself in the history, which this
            // transaction holds: that is where its connection dies.
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                // Exclusive, not access exclusive: the import may still read the history, only not add to it.
                lock.execute("lock table import_run in exclusive mode");
            }
            Future<MockHttpServletResponse> importing = pool.submit(() -> mvc.perform(post("/api/v1/imports")
                    .param("dry_run", "false").param("create_missing_clients", "true").contentType("text/csv")
                    .content(file).with(user("imp-kill-owner").roles("OWNER"))).andReturn().getResponse());
            long deadline = System.nanoTime() + 60_000_000_000L;
            Integer pid = null;
            while (pid == null) {
                assertThat(System.nanoTime()).as("the import reaches its history").isLessThan(deadline);
                assertThat(importing.isDone()).as("the import waits for the history").isFalse();
                pid = jdbc.query("""
                        select pid from pg_stat_activity where datname = current_database()
                        and wait_event_type = 'Lock' and query ilike '%insert into import_run%'""",
                        rs -> rs.next() ? rs.getInt(1) : null);
                Thread.sleep(20);
            }
            assertThat(jdbc.queryForObject("select pg_terminate_backend(?)", Boolean.class, pid)).isTrue();
            blocker.rollback();

            MockHttpServletResponse response = importing.get(60, TimeUnit.SECONDS);
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            assertThat(response.getStatus()).as(body).isEqualTo(503);
            assertThat(response.getHeader("Retry-After")).isNotNull();
            assertThat((String) JsonPath.read(body, "$.message")).contains("nothing was written");
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from client where name like ?", Long.class, prefix + "%"))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from monthly_snapshot s join client c on c.id = s.client_id "
                + "where c.name like ?", Long.class, prefix + "%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from import_run where sha256 = ?", Long.class,
                ImportAnalysis.sha256Hex(file))).isZero();

        // The pool has let the dead connection go: the same file imports now.
        String again = mvc.perform(post("/api/v1/imports").param("dry_run", "false")
                        .param("create_missing_clients", "true").contentType("text/csv").content(file)
                        .with(user("imp-kill-owner").roles("OWNER")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((Integer) JsonPath.read(again, "$.new")).isEqualTo(2400);
    }
}
