package com.mspscorecard.importing;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import com.mspscorecard.importing.csv.CsvLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * {@code POST /api/v1/imports}: the file as multipart field {@code file} or as a {@code text/csv}
 * body. A dry run only previews; otherwise the file is written, all or nothing, in the request.
 */
@RestController
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
class ImportApiController {

    private final ImportService imports;
    private final ImportCapacity capacity;

    ImportApiController(ImportService imports, ImportCapacity capacity) {
        this.imports = imports;
        this.capacity = capacity;
    }

    // One mapping for every content type, so that the role is checked before the body is looked at.
    @PostMapping(path = "/api/v1/imports", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> importFile(@RequestParam(name = "dry_run", defaultValue = "true") boolean dryRun,
            @RequestParam(name = "create_missing_clients", defaultValue = "false") boolean createMissingClients,
            HttpServletRequest request, Principal principal) throws IOException, ServletException {
        // Taken before the body is read: at the limit, a caller is told to come back, not queued with its file.
        ImportCapacity.Permit permit = capacity.tryAcquire();
        if (permit == null) {
            return busy();
        }
        try (permit) {
            return importWithin(dryRun, createMissingClients, request, principal);
        }
    }

    private ResponseEntity<ImportResult> importWithin(boolean dryRun, boolean createMissingClients,
            HttpServletRequest request, Principal principal) throws IOException, ServletException {
        String fileName = "api-upload.csv";
        byte[] content;
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart != null) {
            MultipartFile file = multipart.getFile("file");
            if (file == null) {
                return rejected("The request has no multipart field \"file\". Send the CSV file in the field \"file\", "
                        + "or as the body with Content-Type text/csv.");
            }
            if (file.getSize() > CsvLimits.DEFAULT_MAX_BYTES) {
                return tooLarge();
            }
            fileName = ImportController.fileName(file.getOriginalFilename());
            content = file.getBytes();
        }
        else {
            String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
            if (!type.startsWith("text/csv") && !type.startsWith("text/plain")
                    && !type.startsWith("application/octet-stream")) {
                return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(result(
                        "Send the CSV file as multipart field \"file\" or as the body with Content-Type text/csv."));
            }
            if (request.getContentLengthLong() > CsvLimits.DEFAULT_MAX_BYTES) {
                return tooLarge();
            }
            content = readAtMost(request.getInputStream(), CsvLimits.DEFAULT_MAX_BYTES);
            if (content == null) {
                return tooLarge();
            }
        }
        ImportOptions options = ImportOptions.defaults(createMissingClients);
        ImportProgress progress = new ImportProgress(0);
        ImportOutcome outcome = dryRun ? imports.preview(content, options, progress)
                : imports.commit(principal.getName(), fileName, content, options, null, progress);
        ImportResult result = ImportResult.of(outcome, ImportAnalysis.sha256Hex(content));
        return switch (outcome.status()) {
            case REJECTED -> ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(result);
            case FAILED -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(ImportCapacity.RETRY_AFTER_SECONDS)).body(result);
            default -> ResponseEntity.ok(result);
        };
    }

    /** 503 with Retry-After, as problem+json: the server is at its limit of concurrent imports. */
    static ResponseEntity<ProblemDetail> busy() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Too many imports are running right now. Try again in a minute.");
        problem.setTitle("Busy, try again");
        problem.setProperty("code", "import.busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(ImportCapacity.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static ResponseEntity<ImportResult> tooLarge() {
        return rejected("The file is larger than 20 MB, the most one import can take. Split it into smaller files, "
                + "for example one per year.");
    }

    private static ResponseEntity<ImportResult> rejected(String message) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(result(message));
    }

    private static ImportResult result(String message) {
        return new ImportResult("rejected", 0, 0, 0, 0, 0, java.util.List.of(new ImportResult.Error(null, "", "", message)),
                1, null, message, null, null, null);
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        byte[] content = in.readNBytes((int) limit + 1);
        return content.length > limit ? null : content;
    }
}
