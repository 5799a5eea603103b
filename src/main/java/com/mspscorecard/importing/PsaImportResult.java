package com.mspscorecard.importing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.context.MessageSource;

/**
 * The API's answer to a raw PSA export: the import result's counts and errors (one row is one
 * client and month), plus how the file was read and what keeps it from being committed:
 * {@code unmatched} names (send {@code unmatched=create|ignore}, or {@code map=Name=client id}),
 * {@code missing_required} columns, {@code date_order_needed}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PsaImportResult(String status, String kind, String layout, Long sourceId, String source, String format,
        Long fileRows, long rows, @JsonProperty("new") long newRows, long changed, long unchanged, long clientsCreated,
        List<ImportResult.Error> errors, long errorCount, Boolean errorsTruncated, List<Unmatched> unmatched,
        List<String> missingRequired, String dateOrder, Boolean dateOrderNeeded, LocalDate firstDate,
        LocalDate lastDate, List<String> months, List<String> cutShortMonths, List<String> incompletePaymentMonths,
        Long duplicateCount, List<String> duplicateIds, List<String> fields, String message, String code,
        String fileSha256, Instant alreadyImportedOn) {

    record Unmatched(String name, String ref, long months) {
    }

    static PsaImportResult of(ImportOutcome outcome, String sha256, MessageSource messages) {
        ImportPreview preview = outcome.preview();
        String status = switch (outcome.status()) {
            case PREVIEW -> "preview";
            case IMPORTED -> "imported";
            case REJECTED, STALE, FAILED -> "rejected";
        };
        if (preview == null || preview.psa == null) {
            ImportOutcome.FileProblem problem = outcome.fileProblem();
            String message = problem == null ? null : problem.message();
            return new PsaImportResult(status, null, null, null, null, null, null, 0, 0, 0, 0, 0,
                    List.of(new ImportResult.Error(null, "", "", message)), 1, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, message, problem == null ? null : problem.code(), sha256, null);
        }
        PsaFacts facts = preview.psa;
        List<ImportResult.Error> errors = preview.errors().limit(ImportResult.MAX_ERRORS)
                .map(e -> new ImportResult.Error(e.line() > 0 ? e.line() : null, e.column(), e.value(),
                        messages.getMessage(e.code(), e.args().toArray(), e.message(), Locale.ENGLISH)))
                .toList();
        String message = null;
        String code = null;
        if (!facts.missingRequired().isEmpty()) {
            code = "psa.missing_required";
            message = messages.getMessage("psa.reading.missing", new Object[] { String.join(", ", facts.missingRequired()) },
                    Locale.ENGLISH);
        }
        else if (facts.askDateOrder()) {
            code = "psa.date_order_needed";
            message = messages.getMessage("psa.api.date_order_needed", null, Locale.ENGLISH);
        }
        else if (!facts.unmatched().isEmpty()) {
            code = "psa.unmatched";
            message = messages.getMessage("psa.api.unmatched", new Object[] { facts.unmatched().size() }, Locale.ENGLISH);
        }
        else if (facts.problemCount() > 0) {
            code = "psa.rows_unreadable";
            message = messages.getMessage("psa.preview.problems", new Object[] { facts.problemCount() }, Locale.ENGLISH);
        }
        else if (outcome.nothingChanged() && outcome.alreadyImportedOn() != null) {
            message = "This file was already imported on %s; nothing changed.".formatted(outcome.alreadyImportedOn());
        }
        else if (!errors.isEmpty()) {
            message = "The file has %d errors; nothing was written.".formatted(preview.errorCount);
        }
        Boolean truncated = errors.size() < preview.errorCount ? Boolean.TRUE : null;
        boolean read = facts.firstDate() != null;
        return new PsaImportResult(status, facts.kind().name().toLowerCase(Locale.ROOT), facts.layoutId(),
                facts.sourceId(), facts.sourceName(), facts.format(), read ? facts.rows() : null, preview.total(),
                preview.newRows, preview.changedRows, preview.unchangedRows, preview.clientsToCreate.size(), errors,
                preview.errorCount, truncated,
                facts.unmatched().stream().map(u -> new Unmatched(u.name(), u.ref(), u.rows())).toList(),
                facts.missingRequired().isEmpty() ? null : facts.missingRequired(),
                facts.dateOrder() == null ? null : facts.dateOrder().name().toLowerCase(Locale.ROOT),
                facts.askDateOrder() ? Boolean.TRUE : null, facts.firstDate(), facts.lastDate(),
                read ? facts.months().stream().map(Object::toString).toList() : null,
                read ? facts.cutShortMonths().stream().map(Object::toString).toList() : null,
                read ? facts.incompletePaymentMonths().stream().map(Object::toString).toList() : null,
                read ? facts.duplicateCount() : null, read ? facts.duplicateIds() : null,
                facts.produced().stream().map(m -> m.fieldName()).toList(), message, code, sha256,
                outcome.alreadyImportedOn());
    }
}
