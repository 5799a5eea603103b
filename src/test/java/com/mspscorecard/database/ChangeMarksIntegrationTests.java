package com.mspscorecard.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fingerprint page caches compare: it changes with every committed write, however it was made
 * (plain SQL here, as from a psql prompt or another instance), and not with a rolled-back one.
 */
@SpringBootTest
class ChangeMarksIntegrationTests {

    @Autowired
    ChangeMarks marks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void clientsScoresAndModelsCarryMarks() {
        assertThat(marks.markedTables()).contains("app_user", "client", "client_score", "incident", "monthly_snapshot",
                "price_proposal", "scoring_model");
    }

    @Test
    void aCommittedWriteChangesTheStampAndARolledBackOneDoesNot() {
        String before = marks.stamp("client");

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            insertClient();
            status.setRollbackOnly();
        });
        assertThat(marks.stamp("client")).as("after a rolled-back insert").isEqualTo(before);

        insertClient();
        String afterInsert = marks.stamp("client");
        assertThat(afterInsert).as("after a committed insert").isNotEqualTo(before);

        jdbc.update("update client set notes = 'changed by hand' where name like 'marks-%'");
        assertThat(marks.stamp("client")).as("after a committed update").isNotEqualTo(afterInsert);
    }

    @Test
    void aWriteToOneTableLeavesAnotherTablesStampAlone() {
        String scores = marks.stamp("client_score", "scoring_model");
        insertClient();
        assertThat(marks.stamp("client_score", "scoring_model")).isEqualTo(scores);
    }

    @Test
    void pruningOldMarksChangesTheStampOnceAndNeverBackToAnEarlierValue() {
        insertClient();
        jdbc.update("update change_mark set marked_at = now() - interval '1 hour' where table_name = 'client'");
        String before = marks.stamp("client");
        marks.prune();
        String pruned = marks.stamp("client");
        assertThat(pruned).isNotEqualTo(before);
        insertClient();
        assertThat(marks.stamp("client")).isNotIn(before, pruned);
    }

    private void insertClient() {
        jdbc.update("insert into client (name, status, payment_terms) values (?, 'ACTIVE', 'NET_30')",
                "marks-" + UUID.randomUUID());
    }
}
