package com.mspscorecard.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The references from snapshots to clients and from scorecards to model versions are checked per
 * statement (V39) instead of by foreign keys, for speed: they must refuse everything the keys
 * refused, with the same SQLSTATE, whoever writes (plain SQL here, as from psql or another
 * instance), and lock the clients they name as a key does.
 */
@SpringBootTest
class StatementReferencesIntegrationTests {

    private static final String FOREIGN_KEY_VIOLATION = "23503";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aSnapshotOfAClientThatDoesNotExistIsRefused() {
        long missing = jdbc.queryForObject("select coalesce(max(id), 0) + 1000 from client", Long.class);

        assertRefused(() -> jdbc.update("insert into monthly_snapshot (client_id, month) values (?, date '2026-01-01')",
                missing));
        assertThat(jdbc.queryForObject("select count(*) from monthly_snapshot where client_id = ?", Long.class, missing))
                .isZero();
    }

    @Test
    void oneUnknownClientAmongManyRefusesTheWholeStatement() {
        long known = insertClient();
        long missing = known + 1000;

        assertRefused(() -> jdbc.update("""
                insert into monthly_snapshot (client_id, month)
                select c, date '2020-01-01' + (m || ' months')::interval from unnest(array[?, ?]) c, generate_series(0, 59) m""",
                known, missing));
        assertThat(snapshotsOf(known)).as("the known client's rows of the refused statement").isZero();

        jdbc.update("insert into monthly_snapshot (client_id, month) select ?, date '2020-01-01' + (m || ' months')::interval "
                + "from generate_series(0, 59) m", known);
        assertThat(snapshotsOf(known)).isEqualTo(60);
    }

    @Test
    void movingASnapshotToAClientThatDoesNotExistIsRefused() {
        long client = insertClient();
        jdbc.update("insert into monthly_snapshot (client_id, month) values (?, date '2026-02-01')", client);

        assertRefused(() -> jdbc.update("update monthly_snapshot set client_id = ? where client_id = ?", client + 1000, client));
        jdbc.update("update monthly_snapshot set revenue = 10 where client_id = ?", client);
        assertThat(snapshotsOf(client)).isEqualTo(1);
    }

    @Test
    void aClientWithSnapshotsCannotBeDeletedNorHaveItsIdChangedOneWithoutCan() {
        long named = insertClient();
        long unnamed = insertClient();
        jdbc.update("insert into monthly_snapshot (client_id, month) values (?, date '2026-03-01')", named);

        assertRefused(() -> jdbc.update("delete from client where id = ?", named));
        assertRefused(() -> jdbc.update("update client set id = ? where id = ?", named + 100_000, named));
        jdbc.update("update client set notes = 'renamed' where id = ?", named);

        assertThat(jdbc.update("update client set id = ? where id = ?", unnamed + 100_000, unnamed)).isOne();
        assertThat(jdbc.update("delete from client where id = ?", unnamed + 100_000)).isOne();
    }

    @Test
    void aClientNamedByAnUncommittedSnapshotCannotBeDeletedUntilThatTransactionEnds() throws SQLException {
        long client = insertClient();
        try (Connection writer = dataSource.getConnection(); Connection deleter = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            deleter.setAutoCommit(false);
            try (Statement write = writer.createStatement(); Statement delete = deleter.createStatement()) {
                write.executeUpdate("insert into monthly_snapshot (client_id, month) values (" + client + ", date '2026-04-01')");

                delete.execute("set local lock_timeout = '300ms'");
                assertThatThrownBy(() -> delete.executeUpdate("delete from client where id = " + client))
                        .as("the delete waits for the writer's lock on the client")
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("55P03"));
                deleter.rollback();

                writer.commit();
                assertThatThrownBy(() -> delete.executeUpdate("delete from client where id = " + client))
                        .as("once the snapshot is committed, the delete is refused")
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo(FOREIGN_KEY_VIOLATION));
                deleter.rollback();
            }
        }
        assertThat(snapshotsOf(client)).isEqualTo(1);
    }

    @Test
    void aScorecardOfAModelVersionThatDoesNotExistIsRefused() {
        int missing = jdbc.queryForObject("select max(version) + 1000 from scoring_model", Integer.class);
        long client = insertClient();

        assertRefused(() -> insertScore(missing, client));
        assertThat(jdbc.queryForObject("select count(*) from client_score where model_version = ?", Long.class, missing))
                .isZero();
    }

    @Test
    void aModelVersionWithScorecardsCannotBeDeletedNorTruncatedAwayOneWithoutCan() {
        long client = insertClient();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            int scored = insertVersion();
            int unscored = insertVersion();
            insertScore(scored, client);

            assertThat(jdbc.update("delete from scoring_model where version = ?", unscored)).isOne();
            status.setRollbackOnly();
        });
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            int scored = insertVersion();
            insertScore(scored, client);
            assertRefused(() -> jdbc.update("delete from scoring_model where version = ?", scored));
            status.setRollbackOnly();
        });
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            insertScore(insertVersion(), client);
            assertRefused(() -> jdbc.execute("truncate scoring_model"));
            status.setRollbackOnly();
        });
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            insertScore(insertVersion(), client);
            jdbc.execute("truncate scoring_model, client_score");
            assertThat(jdbc.queryForObject("select count(*) from scoring_model", Long.class)).isZero();
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("select count(*) from scoring_model where status = 'ACTIVE'", Long.class))
                .as("the rolled-back truncate kept the models").isOne();
    }

    private void assertRefused(Runnable statement) {
        assertThatThrownBy(statement::run)
                .isInstanceOf(DataIntegrityViolationException.class)
                .satisfies(e -> assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo(FOREIGN_KEY_VIOLATION));
    }

    private long insertClient() {
        return jdbc.queryForObject("insert into client (name) values (?) returning id", Long.class,
                "references-" + UUID.randomUUID());
    }

    private long snapshotsOf(long client) {
        return jdbc.queryForObject("select count(*) from monthly_snapshot where client_id = ?", Long.class, client);
    }

    private int insertVersion() {
        return jdbc.queryForObject("""
                insert into scoring_model (version, status, definition, created_by, activated_by, activated_at)
                select version + 1, 'RETIRED', definition, 'references test', 'references test', now() from scoring_model
                order by version desc limit 1
                returning version""", Integer.class);
    }

    private void insertScore(int version, long client) {
        jdbc.update("""
                insert into client_score (model_version, client_id, month, data_completeness, recommendation, worsening,
                                          drain, dependency_risk, rule_breakdown, reasons)
                values (?, ?, date '2026-01-01', 1, 'KEEP', false, false, false, '', '')""", version, client);
    }
}
