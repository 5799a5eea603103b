package com.mspscorecard.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The import boots with its dependencies only (clients, metrics, audit, web): a preview writes
 * nothing, a commit writes through metrics and announces the changed months.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class ImportingModuleTests {

    @Autowired
    ImportService imports;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithMockUser(username = "importing-module", roles = "OWNER")
    void aPreviewWritesNothingAndACommitWritesThroughMetrics(AssertablePublishedEvents events) {
        String name = "importing-module " + UUID.randomUUID().toString().substring(0, 8);
        long client = jdbc.queryForObject("insert into client (name) values (?) returning id", Long.class, name);
        byte[] file = ("client,month,new_tickets\n" + name + ",2025-01,4\n").getBytes(StandardCharsets.UTF_8);

        ImportOutcome preview = imports.preview(file, ImportOptions.defaults(false), new ImportProgress(1));
        assertThat(preview.status()).isEqualTo(ImportOutcome.Status.PREVIEW);
        assertThat(jdbc.queryForObject("select count(*) from monthly_snapshot where client_id = ?", Integer.class,
                client)).isZero();

        ImportOutcome committed = imports.commit("importing-module", "module.csv", file, ImportOptions.defaults(false),
                preview.preview().fingerprint, new ImportProgress(1));
        assertThat(committed.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(jdbc.queryForObject("select new_tickets from monthly_snapshot where client_id = ?", Integer.class,
                client)).isEqualTo(4);
        assertThat(events).contains(com.mspscorecard.metrics.SnapshotsChanged.class)
                .matching(e -> e.clientIds().contains(client));
    }
}
