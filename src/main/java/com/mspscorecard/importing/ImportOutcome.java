package com.mspscorecard.importing;

import java.time.Instant;

/**
 * How a commit ended. {@code preview} is what was (or would have been) written; it is null when
 * the file as a whole was refused ({@code fileProblem} says why).
 */
record ImportOutcome(Status status, ImportPreview preview, String fileProblem, String fileProblemCode,
        Instant alreadyImportedOn) {

    enum Status { PREVIEW, IMPORTED, REJECTED, STALE }

    boolean nothingChanged() {
        return status == Status.IMPORTED && preview.newRows == 0 && preview.changedRows == 0;
    }
}
