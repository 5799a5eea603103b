package com.mspscorecard.importing;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The API's answer to an import: {@code status} is {@code preview}, {@code imported} or
 * {@code rejected}; {@code errors} lists the first problems (at most {@link #MAX_ERRORS}),
 * {@code error_count} counts them all, and {@code errors_truncated} is true when some are not listed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ImportResult(String status, long rows, @JsonProperty("new") long newRows, long changed, long unchanged,
        long clientsCreated, List<Error> errors, long errorCount, Boolean errorsTruncated, String message, String code,
        String fileSha256, Instant alreadyImportedOn) {

    static final int MAX_ERRORS = ImportPreview.MAX_KEPT_ERRORS;

    record Error(Long line, String column, String value, String message) {
    }

    static ImportResult of(ImportOutcome outcome, String sha256) {
        ImportPreview preview = outcome.preview();
        String status = switch (outcome.status()) {
            case PREVIEW -> "preview";
            case IMPORTED -> "imported";
            case REJECTED, STALE, FAILED -> "rejected";
        };
        if (preview == null) {
            ImportOutcome.FileProblem problem = outcome.fileProblem();
            return new ImportResult(status, 0, 0, 0, 0, 0, List.of(new Error(null, "", "", problem.message())), 1,
                    null, problem.message(), problem.code(), sha256, null);
        }
        List<Error> errors = preview.errors().limit(MAX_ERRORS)
                .map(e -> new Error(e.line(), e.column(), e.value(), e.message())).toList();
        String message = null;
        if (outcome.nothingChanged() && outcome.alreadyImportedOn() != null) {
            message = "This file was already imported on %s; nothing changed.".formatted(outcome.alreadyImportedOn());
        }
        else if (!errors.isEmpty() && errors.size() < preview.errorCount) {
            message = "The file has %d errors in %d rows; nothing was written. The first %d are listed, and %d more."
                    .formatted(preview.errorCount, preview.errorRows, errors.size(), preview.errorCount - errors.size());
        }
        else if (!errors.isEmpty()) {
            message = "The file has %d errors in %d rows; nothing was written.".formatted(preview.errorCount,
                    preview.errorRows);
        }
        Boolean truncated = errors.size() < preview.errorCount ? Boolean.TRUE : null;
        return new ImportResult(status, preview.total(), preview.newRows, preview.changedRows, preview.unchangedRows,
                preview.clientsToCreate.size(), errors, preview.errorCount, truncated, message, null, preview.sha256,
                outcome.alreadyImportedOn());
    }
}
