package com.mspscorecard.importing;

import java.util.concurrent.Semaphore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many previews and commits may run at once, API and page together. Each holds a file of up
 * to 20 MB and its rows while it is checked, so the heap an import needs is bounded by this
 * number, not by how many people upload at the same moment; beyond it callers are told to try
 * again rather than queued (a queue would hold every waiting file in memory).
 */
@Component
class ImportCapacity {

    /** Seconds an API caller is asked to wait before trying again. */
    static final int RETRY_AFTER_SECONDS = 30;

    private final Semaphore permits;

    ImportCapacity(@Value("${scorecard.import.max-concurrent:2}") int maxConcurrent) {
        this.permits = new Semaphore(Math.max(1, maxConcurrent));
    }

    /** A permit, or {@code null} when the server is at its limit; close it when the work is done. */
    Permit tryAcquire() {
        return permits.tryAcquire() ? new Permit() : null;
    }

    /** One running preview or commit; closing it more than once releases only once. */
    final class Permit implements AutoCloseable {

        private boolean released;

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                permits.release();
            }
        }
    }
}
