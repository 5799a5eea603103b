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
import org.springframework.stereotype.Component;

/**
 * Previews and commits of the import page run here, on a small pool, so that a 100,000-row file
 * does not hold a request thread and the page can poll its progress. Jobs live in memory, keyed
 * by the upload's token; the upload itself is in the database, so a lost job is simply re-run.
 */
@Component
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

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
