package com.mspscorecard.importing;

/**
 * How far a background preview or commit has got, read by the page's progress poll. Written by
 * one worker thread, read by request threads: plain volatile fields are enough.
 */
final class ImportProgress {

    enum Phase { QUEUED, READING, CHECKING, WRITING, DONE }

    private volatile Phase phase = Phase.QUEUED;
    private volatile long done;
    private volatile long total;

    ImportProgress(long estimatedRows) {
        this.total = estimatedRows;
    }

    void start(Phase phase, long total) {
        this.phase = phase;
        this.done = 0;
        this.total = Math.max(total, 0);
    }

    void advance(long done) {
        this.done = done;
        if (done > total) {
            total = done;
        }
    }

    void finish() {
        this.done = total;
        this.phase = Phase.DONE;
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
