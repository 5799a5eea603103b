package com.mspscorecard.importing;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import com.mspscorecard.importing.csv.CsvLimits;
import org.springframework.http.HttpStatus;
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

    ImportApiController(ImportService imports) {
        this.imports = imports;
    }

    // One mapping for every content type, so that the role is checked before the body is looked at.
    @PostMapping(path = "/api/v1/imports", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ImportResult> importFile(@RequestParam(name = "dry_run", defaultValue = "true") boolean dryRun,
            @RequestParam(name = "create_missing_clients", defaultValue = "false") boolean createMissingClients,
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
        return outcome.status() == ImportOutcome.Status.REJECTED
                ? ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(result) : ResponseEntity.ok(result);
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
                1, message, null, null, null);
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        byte[] content = in.readNBytes((int) limit + 1);
        return content.length > limit ? null : content;
    }
}
