package com.mspscorecard.importing;

/**
 * How far a background preview or commit has got, read by the page's progress poll. Written by
 * one worker thread, read by request threads: plain volatile fields are enough. A listener (the
 * job's row in {@code import_job}, so that another instance can answer the poll) hears of every
 * phase and of the rows at most every {@link #REPORT_EVERY_NANOS}.
 */
final class ImportProgress {

    enum Phase { QUEUED, READING, CHECKING, WRITING, DONE }

    /** Told where the work stands; called on the worker thread. */
    interface Listener {
        void progressed(ImportProgress progress);
    }

    static final long REPORT_EVERY_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(250);

    private volatile Phase phase = Phase.QUEUED;
    private volatile long done;
    private volatile long total;
    private final Listener listener;
    private long reportedAt;

    ImportProgress(long estimatedRows) {
        this(estimatedRows, progress -> { });
    }

    ImportProgress(long estimatedRows, Listener listener) {
        this.total = estimatedRows;
        this.listener = listener;
    }

    void start(Phase phase, long total) {
        this.phase = phase;
        this.done = 0;
        this.total = Math.max(total, 0);
        report(true);
    }

    void advance(long done) {
        this.done = done;
        if (done > total) {
            total = done;
        }
        report(false);
    }

    void finish() {
        this.done = total;
        this.phase = Phase.DONE;
        report(true);
    }

    private void report(boolean always) {
        long now = System.nanoTime();
        if (always || now - reportedAt >= REPORT_EVERY_NANOS) {
            reportedAt = now;
            listener.progressed(this);
        }
    }

    Phase phase() {
        return phase;
    }

    long done() {
        return done;
    }

    long total() {
        return total;
    }

    /** Data rows in a file, roughly: its line breaks minus the header; good enough for a progress bar. */
    static long estimateRows(byte[] content) {
        long lines = 0;
        for (byte b : content) {
            if (b == '\n') {
                lines++;
            }
        }
        if (content.length > 0 && content[content.length - 1] != '\n') {
            lines++;
        }
        return Math.max(lines - 1, 0);
    }
}
