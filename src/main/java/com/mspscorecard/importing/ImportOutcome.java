package com.mspscorecard.importing;

import java.time.Instant;
import java.util.List;

import com.mspscorecard.importing.csv.CsvFileException;

/**
 * How a commit ended. {@code preview} is what was (or would have been) written; it is null when
 * the file as a whole was refused, or the commit stopped, and {@code fileProblem} says why.
 */
record ImportOutcome(Status status, ImportPreview preview, FileProblem fileProblem, Instant alreadyImportedOn) {

    /** {@code FAILED}: the database failed on the way (connection lost, server down); nothing was written. */
    enum Status { PREVIEW, IMPORTED, REJECTED, STALE, FAILED }

    boolean nothingChanged() {
        return status == Status.IMPORTED && preview.newRows == 0 && preview.changedRows == 0;
    }

    /**
     * Why nothing could be previewed or written, for everyone who reads it: {@code code} is stable
     * for programs, {@code message} is English for the API, {@code messageCode} with {@code args} is
     * the same sentence for pages in the reader's language.
     */
    record FileProblem(String code, String message, String messageCode, List<Object> args) {

        FileProblem {
            args = List.copyOf(args);
        }

        static FileProblem of(CsvFileException ex) {
            return new FileProblem(ex.code(), ex.getMessage(), ex.messageCode(), ex.args());
        }
    }
}
