package com.mspscorecard.importing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.stereotype.Component;

/**
 * Previews and commits of the import page run here, on a small pool, so that a 100,000-row file
 * does not hold a request thread and the page can poll its progress. Jobs live in memory, keyed
 * by the upload's token, their finished previews parked in a temporary file; where each stands
 * (phase, rows, done or failed) is also written to {@code import_job} ({@link ImportJobTable}),
 * so that with several instances the poll is answered by any of them. The upload itself is in the
 * database, so a preview whose job is on another instance, or lost, is simply re-run. How many
 * run at once is {@link ImportCapacity}'s to say: a job is started only with a permit.
 */
@Component
// Created after the connection pool and so destroyed before it: a commit finishing at shutdown still has its database.
@DependsOn("dataSource")
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    /** Finished jobs are forgotten after this long; their preview can be rebuilt from the upload. */
    static final Duration KEEP = Duration.ofHours(2);

    final class Job {

        final String token;
        final String username;
        final ImportProgress progress;
        final boolean commit;
        final Instant started;
        volatile ImportOutcome outcome;
        volatile boolean failed;
        /** Message key of why the job failed, for the page. */
        volatile String failure;

        Job(String token, String username, boolean commit, long estimatedRows) {
            this.token = token;
            this.username = username;
            this.commit = commit;
            this.progress = new ImportProgress(estimatedRows, p -> table.progressed(token, p));
            this.started = Instant.now(clock);
        }

        boolean running() {
            return outcome == null && !failed;
        }

        /** Deletes the parked preview's file, if any. */
        void discard() {
            ImportOutcome done = outcome;
            if (done != null && done.preview() != null) {
                done.preview().discard();
            }
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(50), runnable -> {
                Thread thread = new Thread(runnable, "import-worker");
                thread.setDaemon(true);
                return thread;
            });
    private final Clock clock;
    private final ImportJobTable table;

    @Autowired
    ImportJobs(Clock clock, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this(clock, new ImportJobTable(jdbc, transactions, clock));
    }

    ImportJobs(Clock clock, ImportJobTable table) {
        this.clock = clock;
        this.table = table;
    }

    /**
     * Starts a job for this upload, replacing a finished one; the work runs as the current user.
     * The job owns {@code permit} and releases it when it ends, however it ends.
     *
     * @throws RejectedExecutionException when the pool takes no more work (the permit is released)
     */
    Job start(String token, String username, boolean commit, long estimatedRows, ImportCapacity.Permit permit,
            Function<ImportProgress, ImportOutcome> work) {
        forgetOld();
        Job job = new Job(token, username, commit, estimatedRows);
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        // In the map before it runs: a job that finds itself replaced when done deletes its parked rows.
        Job replaced = jobs.put(token, job);
        table.started(token, username, commit, estimatedRows);
        try {
            executor.execute(() -> run(job, user, permit, work));
        }
        catch (RejectedExecutionException ex) {
            if (replaced != null) {
                jobs.replace(token, job, replaced);
            }
            else {
                jobs.remove(token, job);
                table.failed(token, "importing.error.busy");
            }
            permit.close();
            throw ex;
        }
        if (replaced != null) {
            replaced.discard();
        }
        return job;
    }

    private void run(Job job, Authentication user, ImportCapacity.Permit permit,
            Function<ImportProgress, ImportOutcome> work) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(user);
        SecurityContextHolder.setContext(context);
        try {
            ImportOutcome outcome = work.apply(job.progress);
            if (outcome.preview() != null) {
                // What the page shows for the next two hours waits on disk, not in the heap.
                outcome.preview().park();
            }
            job.outcome = outcome;
            table.finished(job.token, outcome);
            if (jobs.get(job.token) != job) {
                // Replaced while it ran (the user previewed again): nobody will read its file.
                job.discard();
            }
        }
        catch (Throwable ex) {
            // Every Throwable, errors included: a job that dies silently looks alive on the page forever.
            job.failure = ex instanceof OutOfMemoryError ? "importing.error.out_of_memory" : "importing.error.failed";
            job.failed = true;
            table.failed(job.token, job.failure);
            try {
                log.error("Import job {} failed", job.token, ex);
            }
            catch (Throwable ignored) {
                // Out of memory even for the log line: the job is marked failed, which is what matters.
            }
        }
        finally {
            permit.close();
            SecurityContextHolder.clearContext();
        }
    }

    Optional<Job> find(String token, String username) {
        return Optional.ofNullable(jobs.get(token)).filter(job -> job.username.equals(username));
    }

    /** A job this instance does not run (another instance does, or did): what the table says of it. */
    Optional<ImportJobTable.State> elsewhere(String token, String username) {
        return table.find(token, username);
    }

    private void forgetOld() {
        Instant limit = Instant.now(clock).minus(KEEP);
        jobs.values().removeIf(job -> {
            boolean old = !job.running() && job.started.isBefore(limit);
            if (old) {
                job.discard();
            }
            return old;
        });
    }

    /**
     * On shutdown, a commit in flight is one transaction: let it finish, and only when it
     * outlasts the wait interrupt it, which rolls it back whole. Either way no half import.
     */
    @PreDestroy
    void stop() {
        stop(SHUTDOWN_WAIT);
    }

    /** Within the 30 s that graceful shutdown gives each phase. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(25);

    void stop(Duration wait) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Import jobs still running after {} s at shutdown; interrupting them, which rolls them back",
                        wait.toSeconds());
                executor.shutdownNow();
            }
        }
        catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        jobs.values().forEach(Job::discard);
    }
}
