package com.mspscorecard.importing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Previews and commits of the import page run here, on a small pool, so that a 100,000-row file
 * does not hold a request thread and the page can poll its progress. Jobs live in memory, keyed
 * by the upload's token; the upload itself is in the database, so a lost job is simply re-run.
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

        Job(String token, String username, boolean commit, long estimatedRows) {
            this.token = token;
            this.username = username;
            this.commit = commit;
            this.progress = new ImportProgress(estimatedRows);
            this.started = Instant.now(clock);
        }

        boolean running() {
            return outcome == null && !failed;
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

    ImportJobs(Clock clock) {
        this.clock = clock;
    }

    /** Starts a job for this upload, replacing a finished one; the work runs as the current user. */
    Job start(String token, String username, boolean commit, long estimatedRows,
            Function<ImportProgress, ImportOutcome> work) {
        forgetOld();
        Job job = new Job(token, username, commit, estimatedRows);
        jobs.put(token, job);
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        executor.execute(() -> {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(user);
            SecurityContextHolder.setContext(context);
            try {
                job.outcome = work.apply(job.progress);
            }
            catch (RuntimeException ex) {
                log.error("Import job {} failed", token, ex);
                job.failed = true;
            }
            finally {
                SecurityContextHolder.clearContext();
            }
        });
        return job;
    }

    Optional<Job> find(String token, String username) {
        return Optional.ofNullable(jobs.get(token)).filter(job -> job.username.equals(username));
    }

    private void forgetOld() {
        Instant limit = Instant.now(clock).minus(KEEP);
        jobs.values().removeIf(job -> !job.running() && job.started.isBefore(limit));
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
    }
}
