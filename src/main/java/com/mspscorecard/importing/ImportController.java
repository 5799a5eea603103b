package com.mspscorecard.importing;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletResponse;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.importing.csv.CsvDialectOverrides;
import com.mspscorecard.importing.csv.CsvFormatDetection;
import com.mspscorecard.importing.csv.CsvLimits;
import com.mspscorecard.importing.csv.CsvExport;
import com.mspscorecard.numbers.NumberStyle;
import com.mspscorecard.users.UserDirectory;
import com.mspscorecard.users.UserSummary;
import com.mspscorecard.importing.csv.CsvTemplate;
import com.mspscorecard.importing.csv.MonthFormat;
import com.mspscorecard.metrics.Metric;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import page: upload, preview with overrides, confirm, progress, history, template.
 * <p>
 * Somewhat over 250 lines: each action that starts a job takes an {@link ImportCapacity} permit
 * before it reads a file and gives it back on every early exit; keeping those paths side by side
 * makes a leaked permit easy to spot.
 */
@Controller
@RequestMapping("/imports")
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
class ImportController {

    static final String VIEW_INDEX = "importing/index";
    static final String VIEW_IMPORT = "importing/import";
    static final String VIEW_PROGRESS = "importing/import :: progress";
    static final int ROWS_PER_PAGE = 100;
    static final int HISTORY_PER_PAGE = 20;

    private final ImportService imports;
    private final ImportUploads uploads;
    private final ImportJobs jobs;
    private final ImportHistory history;
    private final Clock clock;

    private final ClientQueries clients;
    private final ImportCapacity capacity;
    private final UserDirectory users;

    private final PsaSources psaSources;
    private final PsaClientNames psaNames;

    ImportController(ImportService imports, ImportUploads uploads, ImportJobs jobs, ImportHistory history, Clock clock,
            ClientQueries clients, ImportCapacity capacity, UserDirectory users, PsaSources psaSources,
            PsaClientNames psaNames) {
        this.psaSources = psaSources;
        this.psaNames = psaNames;
        this.users = users;
        this.clients = clients;
        this.capacity = capacity;
        this.imports = imports;
        this.uploads = uploads;
        this.jobs = jobs;
        this.history = history;
        this.clock = clock;
    }

    @GetMapping
    String index(@RequestParam(defaultValue = "0") int page,
            @RequestParam(name = "too_large", required = false) String tooLarge,
            @RequestParam(name = "psa_too_large", required = false) String psaTooLarge, Model model) {
        model.addAttribute("tooLarge", tooLarge != null);
        if (psaTooLarge != null) {
            model.addAttribute("psaError", "psa.error.too_large");
        }
        model.addAttribute("clients", clients.all());
        long count = history.count();
        int pages = (int) Math.max(1, (count + HISTORY_PER_PAGE - 1) / HISTORY_PER_PAGE);
        int current = Math.min(Math.max(page, 0), pages - 1);
        model.addAttribute("history", history.page(current, HISTORY_PER_PAGE));
        model.addAttribute("historyPage", current);
        model.addAttribute("historyPages", pages);
        model.addAttribute("metrics", Arrays.stream(Metric.values()).map(Metric::fieldName).toList());
        model.addAttribute("maxBytes", CsvLimits.DEFAULT_MAX_BYTES);
        model.addAttribute("psaMaxBytes", PsaUploads.MAX_BYTES);
        model.addAttribute("psaSources", psaSources.all());
        model.addAttribute("psaQueueSize", psaNames.queueSize());
        model.addAttribute("psaSamples", PsaSamplesController.names());
        return VIEW_INDEX;
    }

    @PostMapping
    String upload(@RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean createMissingClients, Principal principal,
            RedirectAttributes redirect) throws IOException {
        if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
            redirect.addFlashAttribute("error", "importing.error.no_file");
            return "redirect:/imports";
        }
        if (file.getSize() > CsvLimits.DEFAULT_MAX_BYTES) {
            redirect.addFlashAttribute("error", "importing.error.too_large");
            return "redirect:/imports";
        }
        // The permit is taken before the file is read into memory, and handed to the preview job.
        ImportCapacity.Permit permit = capacity.tryAcquire();
        if (permit == null) {
            redirect.addFlashAttribute("error", "importing.error.busy");
            return "redirect:/imports";
        }
        ImportUploads.Upload upload;
        try {
            upload = uploads.store(principal.getName(), fileName(file.getOriginalFilename()), file.getBytes());
        }
        catch (IOException | RuntimeException ex) {
            permit.close();
            throw ex;
        }
        return startPreview(upload, ImportOptions.defaults(createMissingClients), permit, redirect);
    }

    @GetMapping("/{token}")
    String show(@PathVariable String token, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "0") int page, Principal principal, java.util.Locale locale, Model model,
            RedirectAttributes redirect) {
        Optional<ImportJobs.Job> found = jobs.find(token, principal.getName());
        if (found.isEmpty()) {
            Optional<ImportJobTable.State> elsewhere = jobs.elsewhere(token, principal.getName());
            if (elsewhere.isPresent() && elsewhere.get().running()) {
                // Running on another instance: show its progress; the page reloads when it is done.
                addJob(model, elsewhere.get());
                model.addAttribute("token", token);
                model.addAttribute("monthFormats", MonthFormat.values());
                return VIEW_IMPORT;
            }
            if (elsewhere.isPresent() && elsewhere.get().commit() && !elsewhere.get().failed()
                    && ImportOutcome.Status.IMPORTED.name().equals(elsewhere.get().outcome())) {
                // Committed by another instance, which kept the details: the history lists the import.
                redirect.addFlashAttribute("message", "importing.committed_elsewhere");
                return "redirect:/imports";
            }
            ImportCapacity.Permit permit = capacity.tryAcquire();
            if (permit == null) {
                redirect.addFlashAttribute("error", "importing.error.busy");
                return "redirect:/imports";
            }
            Optional<ImportUploads.Upload> upload = uploads.find(token, principal.getName());
            if (upload.isEmpty()) {
                permit.close();
                redirect.addFlashAttribute("error", "importing.error.expired");
                return "redirect:/imports";
            }
            // The preview was forgotten (restart, expiry) but the file is still here: preview it again.
            return startPreview(upload.get(), ImportOptions.defaults(false), permit, redirect);
        }
        ImportJobs.Job job = found.get();
        addJob(model, job);
        model.addAttribute("token", token);
        ImportOutcome outcome = job.outcome;
        if (outcome != null) {
            model.addAttribute("status", outcome.status().name());
            model.addAttribute("fileProblem", outcome.fileProblem());
            model.addAttribute("nothingChanged", outcome.nothingChanged());
            model.addAttribute("alreadyImportedOn", outcome.alreadyImportedOn());
        }
        if (outcome != null && outcome.preview() != null) {
            ImportPreview preview = outcome.preview();
            Long me = users.byUsername(principal.getName()).map(UserSummary::id).orElse(null);
            model.addAttribute("summary", PreviewPage.Summary.of(preview, me, users.all().stream()
                    .collect(java.util.stream.Collectors.toMap(UserSummary::id, UserSummary::displayName))));
            model.addAttribute("rows", PreviewPage.of(preview, kind, page, ROWS_PER_PAGE, NumberStyle.of(locale)));
            model.addAttribute("columns", PreviewPage.columns(preview));
        }
        model.addAttribute("monthFormats", MonthFormat.values());
        return VIEW_IMPORT;
    }

    /** Polled by htmx every 500 ms while a job runs; asks the page to reload once it is done. */
    @GetMapping("/{token}/progress")
    String progress(@PathVariable String token, Principal principal, Model model, HttpServletResponse response) {
        Optional<ImportJobs.Job> job = jobs.find(token, principal.getName());
        if (job.isPresent()) {
            if (!job.get().running()) {
                response.setHeader("HX-Refresh", "true");
            }
            addJob(model, job.get());
        }
        else {
            // The poll may reach another instance than the one running the job.
            Optional<ImportJobTable.State> elsewhere = jobs.elsewhere(token, principal.getName());
            if (elsewhere.isEmpty() || !elsewhere.get().running()) {
                response.setHeader("HX-Refresh", "true");
            }
            elsewhere.ifPresent(state -> addJob(model, state));
        }
        model.addAttribute("token", token);
        return VIEW_PROGRESS;
    }

    @PostMapping("/{token}/preview")
    String preview(@PathVariable String token, @RequestParam(defaultValue = "") String encoding,
            @RequestParam(defaultValue = "") String delimiter, @RequestParam(defaultValue = "") String decimal,
            @RequestParam(defaultValue = "") String monthFormat,
            @RequestParam(defaultValue = "false") boolean createMissingClients, Principal principal,
            RedirectAttributes redirect) {
        CsvDialectOverrides overrides = new CsvDialectOverrides(charset(encoding), delimiter(delimiter),
                decimal(decimal), monthFormat(monthFormat));
        return withSlot(token, principal, redirect, (permit, upload) ->
                startPreview(upload, new ImportOptions(overrides, createMissingClients), permit, redirect));
    }

    @PostMapping("/{token}/commit")
    String commit(@PathVariable String token, @RequestParam(defaultValue = "") String fingerprint,
            Principal principal, RedirectAttributes redirect) {
        Optional<ImportJobs.Job> previewJob = jobs.find(token, principal.getName());
        if (previewJob.isEmpty() || previewJob.get().outcome == null || previewJob.get().outcome.preview() == null) {
            redirect.addFlashAttribute("error", "importing.error.expired");
            return "redirect:/imports";
        }
        ImportOptions options = previewJob.get().outcome.preview().options;
        return withSlot(token, principal, redirect, (permit, file) -> {
            try {
                jobs.start(token, principal.getName(), true, ImportProgress.estimateRows(file.content()), permit,
                        progress -> {
                            ImportOutcome outcome = imports.commit(principal.getName(), file.fileName(), file.content(),
                                    options, fingerprint, progress);
                            if (outcome.status() == ImportOutcome.Status.IMPORTED) {
                                uploads.delete(token);
                            }
                            return outcome;
                        });
            }
            catch (RejectedExecutionException ex) {
                redirect.addFlashAttribute("error", "importing.error.busy");
            }
            return "redirect:/imports/" + token;
        });
    }

    /**
     * Runs {@code work} with a permit to run an import and the user's upload, or redirects with why
     * not: the server is at its limit (try again), or the upload is gone. The permit is released by
     * the job, or here when there is nothing to run.
     */
    private String withSlot(String token, Principal principal, RedirectAttributes redirect,
            BiFunction<ImportCapacity.Permit, ImportUploads.Upload, String> work) {
        ImportCapacity.Permit permit = capacity.tryAcquire();
        if (permit == null) {
            redirect.addFlashAttribute("error", "importing.error.busy");
            return "redirect:/imports/" + token;
        }
        Optional<ImportUploads.Upload> upload = uploads.find(token, principal.getName());
        if (upload.isEmpty()) {
            permit.close();
            redirect.addFlashAttribute("error", "importing.error.expired");
            return "redirect:/imports";
        }
        return work.apply(permit, upload.get());
    }

    /** {@code ?format=excel-it}: {@code ;} and decimal commas, as Excel in Italian opens and saves it. */
    @GetMapping("/template.csv")
    ResponseEntity<String> template(@RequestParam(required = false) String format) {
        CsvExport.Spreadsheet spreadsheet = CsvExport.Spreadsheet.named(format);
        String name = spreadsheet == CsvExport.Spreadsheet.EXCEL_ITALIAN ? "snapshots-template-excel-it.csv"
                : "snapshots-template.csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(CsvTemplate.text(clock, spreadsheet));
    }

    private static void addJob(Model model, ImportJobTable.State job) {
        model.addAttribute("running", job.running());
        model.addAttribute("failed", job.failed());
        model.addAttribute("failure", job.failure());
        model.addAttribute("committing", job.commit());
        model.addAttribute("phase", job.phase().name());
        model.addAttribute("done", job.done());
        model.addAttribute("total", Math.max(job.total(), job.done()));
    }

    private static void addJob(Model model, ImportJobs.Job job) {
        model.addAttribute("running", job.running());
        model.addAttribute("failed", job.failed);
        model.addAttribute("failure", job.failure);
        model.addAttribute("committing", job.commit);
        model.addAttribute("phase", job.progress.phase().name());
        model.addAttribute("done", job.progress.done());
        model.addAttribute("total", Math.max(job.progress.total(), job.progress.done()));
    }

    private String startPreview(ImportUploads.Upload upload, ImportOptions options, ImportCapacity.Permit permit,
            RedirectAttributes redirect) {
        try {
            jobs.start(upload.token(), upload.username(), false, ImportProgress.estimateRows(upload.content()), permit,
                    progress -> imports.preview(upload.content(), options, progress));
        }
        catch (RejectedExecutionException ex) {
            redirect.addFlashAttribute("error", "importing.error.busy");
            return "redirect:/imports";
        }
        return "redirect:/imports/" + upload.token();
    }

    static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return "upload.csv";
        }
        // Browsers on Windows may send the full path.
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
        name = name.replaceAll("\\p{Cntrl}", "");
        return name.isEmpty() ? "upload.csv" : name.length() > 255 ? name.substring(0, 255) : name;
    }

    private static Charset charset(String code) {
        return switch (code) {
            case "utf-8" -> StandardCharsets.UTF_8;
            case "windows-1252" -> CsvFormatDetection.WINDOWS_1252;
            default -> null;
        };
    }

    private static Character delimiter(String code) {
        return switch (code) {
            case "comma" -> ',';
            case "semicolon" -> ';';
            case "tab" -> '\t';
            default -> null;
        };
    }

    private static Character decimal(String code) {
        return switch (code) {
            case "dot" -> '.';
            case "comma" -> ',';
            default -> null;
        };
    }

    private static MonthFormat monthFormat(String code) {
        return Arrays.stream(MonthFormat.values()).filter(f -> f.name().equals(code)).findFirst().orElse(null);
    }
}
