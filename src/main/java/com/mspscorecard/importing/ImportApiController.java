package com.mspscorecard.importing;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.importing.csv.CsvLimits;
import com.mspscorecard.importing.raw.DateOrder;
import com.mspscorecard.importing.raw.RawKind;
import com.mspscorecard.importing.raw.RawTable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.context.MessageSource;
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
 * {@code POST /api/v1/imports}: the file as multipart field {@code file} or as the body. A snapshot
 * CSV (a {@code client} and a {@code month} column) goes through the CSV import; anything else is
 * taken for a raw PSA export (tickets, invoices or time entries, CSV or .xlsx), recognised by its
 * header unless {@code kind} or {@code source} name it. A dry run only previews; otherwise the file
 * is written, all or nothing, in the request. The body is spooled to disk first, never held whole.
 * Over 250 lines: both kinds of file share the permit, the spooling and the answers' shape here.
 */
@RestController
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
class ImportApiController {

    private final ImportService imports;
    private final ImportCapacity capacity;
    private final PsaUploads psaUploads;
    private final PsaImports psa;
    private final PsaSources psaSources;
    private final PsaClientNames psaNames;
    private final ClientQueries clients;
    private final MessageSource messages;

    ImportApiController(ImportService imports, ImportCapacity capacity, PsaUploads psaUploads, PsaImports psa,
            PsaSources psaSources, PsaClientNames psaNames, ClientQueries clients, MessageSource messages) {
        this.imports = imports;
        this.capacity = capacity;
        this.psaUploads = psaUploads;
        this.psa = psa;
        this.psaSources = psaSources;
        this.psaNames = psaNames;
        this.clients = clients;
        this.messages = messages;
    }

    /** What the caller said about a raw export; every part optional. */
    record RawOptions(RawKind kind, Long sourceId, DateOrder dateOrder, LocalDate from, LocalDate to,
            Set<YearMonth> include, PsaAnalysis.Unmatched unmatched, List<String> maps) {

        boolean named() {
            return kind != null || sourceId != null;
        }
    }

    // One mapping for every content type, so that the role is checked before the body is looked at.
    @PostMapping(path = "/api/v1/imports", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a snapshot CSV or a raw PSA export (tickets, invoices, time entries; CSV or .xlsx)",
            description = "The file as multipart field `file` or as the body. A file with `client` and `month` columns "
                    + "is a snapshot CSV (at most 20 MB); anything else is a raw PSA export (at most 200 MB and "
                    + "2,000,000 rows), its layout recognised from the header unless `kind` or `source` name it. "
                    + "Raw exports answer with `unmatched` names the source does not know: map them with "
                    + "`map=PSA name=client id` (repeatable), or send `unmatched=create` or `unmatched=ignore`; "
                    + "every decision is remembered for later uploads. `date_order_needed: true` asks for `date_order`.")
    ResponseEntity<?> importFile(
            @Parameter(description = "true: preview only") @RequestParam(name = "dry_run", defaultValue = "true") boolean dryRun,
            @Parameter(description = "snapshot CSV: create clients the file names that do not exist")
            @RequestParam(name = "create_missing_clients", defaultValue = "false") boolean createMissingClients,
            @Parameter(description = "raw export: tickets, invoices or time_entries (default: from the header)")
            @RequestParam(required = false) String kind,
            @Parameter(description = "raw export: the id of the PSA source (default: the one saved for this header)")
            @RequestParam(required = false) Long source,
            @Parameter(description = "raw export: iso, day_first or month_first, when the dates could be read either way")
            @RequestParam(name = "date_order", required = false) String dateOrder,
            @Parameter(description = "raw export: first day covered (YYYY-MM-DD; default from the data)")
            @RequestParam(required = false) String from,
            @Parameter(description = "raw export: last day covered (YYYY-MM-DD; default from the data)")
            @RequestParam(required = false) String to,
            @Parameter(description = "raw export: a month the range cuts short to include anyway (YYYY-MM), repeatable")
            @RequestParam(name = "include_month", required = false) List<String> includeMonths,
            @Parameter(description = "raw export: what to do with names the source does not know: reject (default), create, ignore")
            @RequestParam(defaultValue = "reject") String unmatched,
            @Parameter(description = "raw export: `PSA name=client id`, repeatable; remembered for later uploads")
            @RequestParam(name = "map", required = false) List<String> maps,
            HttpServletRequest request, Principal principal) throws IOException, ServletException {
        // Taken before the body is read: at the limit, a caller is told to come back, not queued with its file.
        ImportCapacity.Permit permit = capacity.tryAcquire();
        if (permit == null) {
            return busy();
        }
        Set<YearMonth> include = new java.util.HashSet<>();
        for (String month : includeMonths == null ? List.<String>of() : includeMonths) {
            try {
                include.add(YearMonth.parse(month.strip()));
            }
            catch (java.time.format.DateTimeParseException ex) {
                permit.close();
                return rejected("include_month \"" + com.mspscorecard.importing.csv.CellError.echo(month) + "\" is not a month (YYYY-MM).");
            }
        }
        PsaAnalysis.Unmatched policy = switch (unmatched.toLowerCase(java.util.Locale.ROOT)) {
            case "create" -> PsaAnalysis.Unmatched.CREATE;
            case "ignore" -> PsaAnalysis.Unmatched.IGNORE;
            default -> PsaAnalysis.Unmatched.ASK;
        };
        RawOptions raw = new RawOptions(PsaController.kind(kind == null ? "" : kind), source,
                PsaController.dateOrder(dateOrder == null ? "" : dateOrder), PsaController.date(from),
                PsaController.date(to), include, policy, maps == null ? List.of() : maps);
        try (permit) {
            return importWithin(dryRun, createMissingClients, raw, request, principal);
        }
    }

    private ResponseEntity<?> importWithin(boolean dryRun, boolean createMissingClients, RawOptions raw,
            HttpServletRequest request, Principal principal) throws IOException, ServletException {
        String fileName = "api-upload.csv";
        InputStream in;
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart != null) {
            MultipartFile file = multipart.getFile("file");
            if (file == null) {
                return rejected("The request has no multipart field \"file\". Send the file in the field \"file\", "
                        + "or as the body with Content-Type text/csv.");
            }
            if (file.getSize() > PsaUploads.MAX_BYTES) {
                return tooLarge();
            }
            fileName = ImportController.fileName(file.getOriginalFilename());
            in = file.getInputStream();
        }
        else {
            String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
            if (!type.startsWith("text/csv") && !type.startsWith("text/plain")
                    && !type.startsWith("application/octet-stream") && !type.startsWith(XLSX)) {
                return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(result(
                        "Send the file as multipart field \"file\" or as the body with Content-Type text/csv "
                                + "(an Excel export: " + XLSX + ")."));
            }
            if (request.getContentLengthLong() > PsaUploads.MAX_BYTES) {
                return tooLarge();
            }
            in = request.getInputStream();
        }
        PsaUploads.Upload upload;
        try (in) {
            upload = psaUploads.spool(principal.getName(), fileName, in);
        }
        catch (PsaUploads.TooLarge ex) {
            return tooLarge();
        }
        try {
            if (raw.named() || looksRaw(upload)) {
                return importRaw(dryRun, raw, upload, principal.getName());
            }
            if (upload.size > CsvLimits.DEFAULT_MAX_BYTES) {
                return tooLarge();
            }
            return importCsv(dryRun, createMissingClients, java.nio.file.Files.readAllBytes(upload.file), fileName,
                    principal);
        }
        finally {
            psaUploads.delete(upload.token);
        }
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * A snapshot CSV names a {@code month} column or a snapshot field ({@code new_tickets}…), compared as
     * the CSV import compares them; a PSA export names neither (a generic one may well have a "client").
     * A workbook is always an export.
     */
    private boolean looksRaw(PsaUploads.Upload upload) {
        try (RawTable table = PsaImports.open(upload)) {
            if (table.format().toLowerCase(java.util.Locale.ROOT).startsWith("xlsx")) {
                return true;
            }
            for (String header : table.headers()) {
                if (SNAPSHOT_HEADERS.contains(normalise(header))) {
                    return false;
                }
            }
            return true;
        }
        catch (PsaProblem ex) {
            // Unreadable as a raw export: a small file gets the CSV import's own explanation.
            return upload.size > CsvLimits.DEFAULT_MAX_BYTES;
        }
    }

    private static final Set<String> SNAPSHOT_HEADERS = java.util.stream.Stream.concat(java.util.stream.Stream.of("month"),
            java.util.Arrays.stream(com.mspscorecard.metrics.Metric.values()).map(m -> normalise(m.fieldName())))
            .collect(java.util.stream.Collectors.toSet());

    private static String normalise(String header) {
        return header.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_\\-\\uFEFF]", "");
    }

    private ResponseEntity<?> importRaw(boolean dryRun, RawOptions raw, PsaUploads.Upload upload, String username) {
        try {
            psa.attach(upload, raw.sourceId(), raw.kind(), username);
        }
        catch (PsaProblem ex) {
            ImportOutcome.FileProblem problem = ex.fileProblem(messages);
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(
                    PsaImportResult.of(new ImportOutcome(ImportOutcome.Status.REJECTED, null, problem, null),
                            upload.sha256, messages));
        }
        PsaUploads.Choices attached = upload.choices;
        if (raw.sourceId() != null && psaSources.byId(raw.sourceId()).isEmpty()) {
            return rejected("There is no PSA source " + raw.sourceId() + ".");
        }
        for (String map : raw.maps()) {
            int eq = map.lastIndexOf('=');
            Long clientId = eq <= 0 ? null : PsaController.parseLong(map.substring(eq + 1));
            if (clientId == null || clients.byId(clientId).isEmpty()) {
                return rejected("map \"" + com.mspscorecard.importing.csv.CellError.echo(map) + "\" must be a PSA name, \"=\" and the id of a client.");
            }
            String name = map.substring(0, eq).strip();
            psa.decide(attached.sourceId(), PsaClientNames.nameKey(name), name, clientId, username);
        }
        upload.choices = new PsaUploads.Choices(attached.sourceId(), null, raw.dateOrder(), raw.from(), raw.to(),
                raw.include());
        ImportProgress progress = new ImportProgress(0);
        ImportOutcome outcome = dryRun ? psa.preview(upload, raw.unmatched(), progress)
                : psa.commit(username, upload, raw.unmatched(), null, progress);
        PsaImportResult result = PsaImportResult.of(outcome, upload.sha256, messages);
        return switch (outcome.status()) {
            case REJECTED -> ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(result);
            case FAILED -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(ImportCapacity.RETRY_AFTER_SECONDS)).body(result);
            default -> ResponseEntity.ok(result);
        };
    }

    private ResponseEntity<ImportResult> importCsv(boolean dryRun, boolean createMissingClients, byte[] content,
            String fileName, Principal principal) {
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
        return rejected("The file is larger than 20 MB, the most a snapshot CSV may have (a raw PSA export: 200 MB). "
                + "Split it into smaller files, for example one per year.");
    }

    private static ResponseEntity<ImportResult> rejected(String message) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(result(message));
    }

    private static ImportResult result(String message) {
        return new ImportResult("rejected", 0, 0, 0, 0, 0, java.util.List.of(new ImportResult.Error(null, "", "", message)),
                1, null, message, null, null, null);
    }

}
