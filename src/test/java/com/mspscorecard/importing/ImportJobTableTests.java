package com.mspscorecard.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.mspscorecard.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Issue 14 item 3: an import's progress can be read from an instance that does not run it. */
class ImportJobTableTests {

    private static final JdbcTemplate JDBC = migratedDatabase();

    /** Two instances: each its own jobs in memory, one database. */
    private final ImportJobs a = instance();

    private final ImportJobs b = instance();

    private final ImportCapacity capacity = new ImportCapacity(2);

    @AfterEach
    void stop() {
        a.stop(Duration.ofSeconds(5));
        b.stop(Duration.ofSeconds(5));
    }

    @Test
    void anotherInstanceSeesTheJobsPhaseRowsAndOutcome() throws Exception {
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        a.start("token-1", "anna", true, 100, capacity.tryAcquire(), progress -> {
            progress.start(ImportProgress.Phase.WRITING, 100);
            sleep(Duration.ofMillis(300));
            progress.advance(40);
            checking.countDown();
            await(release);
            progress.finish();
            return new ImportOutcome(ImportOutcome.Status.IMPORTED, null, null, null);
        });
        assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(b.find("token-1", "anna")).isEmpty();
        ImportJobTable.State running = b.elsewhere("token-1", "anna").orElseThrow();
        assertThat(running.running()).isTrue();
        assertThat(running.commit()).isTrue();
        assertThat(running.phase()).isEqualTo(ImportProgress.Phase.WRITING);
        assertThat(running.done()).isEqualTo(40);
        assertThat(running.total()).isEqualTo(100);
        // Only its owner sees it.
        assertThat(b.elsewhere("token-1", "mallory")).isEmpty();

        release.countDown();
        ImportJobTable.State done = eventually(() -> b.elsewhere("token-1", "anna").filter(s -> !s.running()));
        assertThat(done.outcome()).isEqualTo("IMPORTED");
        assertThat(done.failed()).isFalse();
    }

    @Test
    void aFailedJobIsFailedEverywhere() throws Exception {
        a.start("token-2", "anna", false, 10, capacity.tryAcquire(), progress -> {
            throw new IllegalStateException("boom");
        });
        ImportJobTable.State failed = eventually(() -> b.elsewhere("token-2", "anna").filter(ImportJobTable.State::failed));
        assertThat(failed.failure()).isEqualTo("importing.error.failed");
        assertThat(failed.running()).isFalse();
    }

    private static ImportJobs instance() {
        return new ImportJobs(Clock.systemUTC(),
                new ImportJobTable(JDBC, new DataSourceTransactionManager(JDBC.getDataSource()), Clock.systemUTC()));
    }

    static JdbcTemplate migratedDatabase() {
        TestDatabase db = TestDatabase.get().fresh();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.username(), db.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(dataSource);
    }

    private static ImportJobTable.State eventually(java.util.function.Supplier<Optional<ImportJobTable.State>> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Optional<ImportJobTable.State> found = state.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("The other instance never saw the job's end");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
