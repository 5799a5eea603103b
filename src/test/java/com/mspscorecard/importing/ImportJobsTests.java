package com.mspscorecard.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Shutting down never leaves half an import: a running commit finishes, or is interrupted and rolls back. */
class ImportJobsTests {

    private final ImportJobs jobs = new ImportJobs(Clock.systemUTC(), ImportJobTable.NONE);

    private final ImportCapacity capacity = new ImportCapacity(2);

    @Test
    void aJobInFlightAtShutdownIsLetFinish() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        ImportJobs.Job job = jobs.start("token", "owner", true, 10, capacity.tryAcquire(), progress -> {
            running.countDown();
            sleep(Duration.ofMillis(500));
            return new ImportOutcome(ImportOutcome.Status.IMPORTED, null, null, null);
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        jobs.stop(Duration.ofSeconds(10));

        assertThat(job.outcome).isNotNull();
        assertThat(job.failed).isFalse();
    }

    @Test
    void aJobThatOutlastsTheWaitIsInterruptedSoItsTransactionRollsBack() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        ImportJobs.Job job = jobs.start("token", "owner", true, 10, capacity.tryAcquire(), progress -> {
            running.countDown();
            sleep(Duration.ofMinutes(5));
            return new ImportOutcome(ImportOutcome.Status.IMPORTED, null, null, null);
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        jobs.stop(Duration.ofMillis(200));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (job.running() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(job.failed).isTrue();
        assertThat(job.outcome).isNull();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            // What a JDBC call does when its thread is interrupted: the transaction fails and rolls back.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
