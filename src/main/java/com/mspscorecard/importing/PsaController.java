package com.mspscorecard.importing;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.importing.raw.ColumnMapping;
import com.mspscorecard.importing.raw.DateOrder;
import com.mspscorecard.importing.raw.RawField;
import com.mspscorecard.importing.raw.RawKind;
import com.mspscorecard.numbers.NumberStyle;
import com.mspscorecard.users.UserDirectory;
import com.mspscorecard.users.UserSummary;
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
 * Raw PSA exports on the import page: upload, how the file is read (kind, source, every column
 * re-assignable, date order, date range, cut-short months), names to match, preview, commit.
 * Owners and account managers (PRODUCT §1: "monthly metrics: import").
 * <p>
 * Over 250 lines for the reason {@link ImportController} gives: each action that starts a job takes
 * an {@link ImportCapacity} permit and gives it back on every early exit, side by side.
 */
@Controller
@RequestMapping("/imports/psa")
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
class PsaController {

    static final String VIEW = "importing/psa";

    private final PsaUploads uploads;
    private final PsaImports psa;
    private final PsaSources sources;
    private final ImportJobs jobs;
    private final ImportCapacity capacity;
    private final ClientQueries clients;
    private final UserDirectory users;
    private final PsaClientCreation creation;

    PsaController(PsaUploads uploads, PsaImports psa, PsaSources sources, ImportJobs jobs, ImportCapacity capacity,
            ClientQueries clients, UserDirectory users, PsaClientCreation creation) {
        this.uploads = uploads;
        this.psa = psa;
        this.sources = sources;
        this.jobs = jobs;
        this.capacity = capacity;
        this.clients = clients;
        this.users = users;
        this.creation = creation;
    }

    @PostMapping
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String source, Principal principal, RedirectAttributes redirect)
            throws IOException {
        if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
            redirect.addFlashAttribute("psaError", "psa.error.no_file");
            return "redirect:/imports";
        }
        if (file.getSize() > PsaUploads.MAX_BYTES) {
            redirect.addFlashAttribute("psaError", "psa.error.too_large");
            return "redirect:/imports";
        }
        ImportCapacity.Permit permit = capacity.tryAcquire();
        if (permit == null) {
            redirect.addFlashAttribute("psaError", "importing.error.busy");
            return "redirect:/imports";
        }
        PsaUploads.Upload upload;
        try (InputStream in = file.getInputStream()) {
            upload = uploads.spool(principal.getName(), ImportController.fileName(file.getOriginalFilename()), in);
            psa.attach(upload, parseLong(source), kind(kind), principal.getName());
        }
        catch (PsaUploads.TooLarge ex) {
            permit.close();
            redirect.addFlashAttribute("psaError", "psa.error.too_large");
            return "redirect:/imports";
        }
        catch (PsaProblem ex) {
            permit.close();
            redirect.addFlashAttribute("psaError", ex.code());
            redirect.addFlashAttribute("psaErrorArgs", ex.args().toArray());
            return "redirect:/imports";
        }
        catch (IOException | RuntimeException ex) {
            permit.close();
            throw ex;
        }
        return start(upload, permit, redirect);
    }

    @GetMapping("/{token}")
    String show(@PathVariable String token, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "0") int page, Principal principal, Locale locale, Model model,
            RedirectAttributes redirect) {
        Optional<PsaUploads.Upload> upload = uploads.find(token, principal.getName());
        Optional<ImportJobs.Job> job = jobs.find(token, principal.getName());
        if (upload.isEmpty() && job.isEmpty()) {
            redirect.addFlashAttribute("psaError", "psa.error.expired");
            return "redirect:/imports";
        }
        if (job.isEmpty()) {
            ImportCapacity.Permit permit = capacity.tryAcquire();
            if (permit == null) {
                redirect.addFlashAttribute("psaError", "importing.error.busy");
                return "redirect:/imports";
            }
            return start(upload.get(), permit, redirect);
        }
        ImportJobs.Job found = job.get();
        model.addAttribute("token", token);
        model.addAttribute("fileName", upload.map(u -> u.fileName).orElse(""));
        model.addAttribute("running", found.running());
        model.addAttribute("failed", found.failed);
        model.addAttribute("failure", found.failure);
        model.addAttribute("committing", found.commit);
        model.addAttribute("phase", found.progress.phase().name());
        model.addAttribute("done", found.progress.done());
        model.addAttribute("total", Math.max(found.progress.total(), found.progress.done()));
        ImportOutcome outcome = found.outcome;
        if (outcome != null) {
            model.addAttribute("status", outcome.status().name());
            model.addAttribute("fileProblem", outcome.fileProblem());
            model.addAttribute("nothingChanged", outcome.nothingChanged());
            model.addAttribute("alreadyImportedOn", outcome.alreadyImportedOn());
            ImportPreview preview = outcome.preview();
            if (preview != null && preview.psa != null) {
                Long me = users.byUsername(principal.getName()).map(UserSummary::id).orElse(null);
                model.addAttribute("summary", PsaPage.Summary.of(preview, me, users.all().stream()
                        .collect(java.util.stream.Collectors.toMap(UserSummary::id, UserSummary::displayName))));
                model.addAttribute("facts", preview.psa);
                model.addAttribute("reading", PsaPage.reading(preview.psa, locale));
                model.addAttribute("rows", PreviewPage.of(preview, kind, page, ImportController.ROWS_PER_PAGE,
                        NumberStyle.of(locale)));
                model.addAttribute("rules", PsaPage.rules(preview.psa));
                model.addAttribute("ruleByField", PsaPage.rules(preview.psa).stream()
                        .collect(java.util.stream.Collectors.toMap(PsaPage.Rule::field, PsaPage.Rule::code)));
                model.addAttribute("clients", clients.all());
                model.addAttribute("sources", sources.all());
            }
        }
        return VIEW;
    }

    /** How to read the file: kind, source, each field's column, date order, range, cut-short months included. */
    @PostMapping("/{token}/read")
    String read(@PathVariable String token, @RequestParam Map<String, String> form,
            @RequestParam(name = "include", required = false) List<String> include, Principal principal,
            RedirectAttributes redirect) {
        Optional<PsaUploads.Upload> found = uploads.find(token, principal.getName());
        if (found.isEmpty()) {
            redirect.addFlashAttribute("psaError", "psa.error.expired");
            return "redirect:/imports";
        }
        PsaUploads.Upload upload = found.get();
        RawKind kind = kind(form.getOrDefault("kind", ""));
        Long sourceId = parseLong(form.getOrDefault("source", ""));
        PsaUploads.Choices before = upload.choices;
        if (sourceId == null || sources.byId(sourceId).isEmpty()) {
            sourceId = before.sourceId();
        }
        ColumnMapping mapping = null;
        RawKind readKind = kind(form.getOrDefault("readKind", ""));
        if (kind != null && kind != readKind) {
            // Another kind of export: its fields, as the best layout of that kind reads this header.
            mapping = psa.mappingOfKind(upload, kind);
        }
        else if (kind != null) {
            EnumMap<RawField, Integer> columns = new EnumMap<>(RawField.class);
            Set<Integer> taken = new java.util.HashSet<>();
            for (RawField field : RawField.of(kind)) {
                Long column = parseLong(form.getOrDefault("field_" + field.name(), ""));
                if (column != null && column >= 0 && column < 10_000 && taken.add(column.intValue())) {
                    columns.put(field, column.intValue());
                }
            }
            mapping = new ColumnMapping(kind, columns);
        }
        DateOrder order = dateOrder(form.getOrDefault("dateOrder", ""));
        LocalDate from = date(form.get("from"));
        LocalDate to = date(form.get("to"));
        Set<YearMonth> included = new LinkedHashSet<>();
        if (include != null) {
            for (String month : include) {
                try {
                    included.add(YearMonth.parse(month));
                }
                catch (DateTimeParseException ex) {
                    // Not a month this page offered.
                }
            }
        }
        upload.choices = new PsaUploads.Choices(sourceId, mapping, order, from, to, included);
        if (mapping != null) {
            psa.remember(upload, mapping, order, principal.getName());
        }
        return restart(upload, redirect);
    }

    /** A decision about a name the preview could not match: map it to a client, create one, or ignore it. */
    @PostMapping("/{token}/names")
    String name(@PathVariable String token, @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String client,
            Principal principal, RedirectAttributes redirect) {
        Optional<PsaUploads.Upload> found = uploads.find(token, principal.getName());
        if (found.isEmpty()) {
            redirect.addFlashAttribute("psaError", "psa.error.expired");
            return "redirect:/imports";
        }
        PsaUploads.Upload upload = found.get();
        Optional<PsaClientCreation.Problem> problem = creation.decide(upload.choices.sourceId(), key, action,
                parseLong(client), principal.getName());
        if (problem.isPresent()) {
            redirect.addFlashAttribute("psaError", problem.get().code());
            redirect.addFlashAttribute("psaErrorArgs", problem.get().args().toArray());
        }
        return restart(upload, redirect);
    }

    @PostMapping("/{token}/commit")
    String commit(@PathVariable String token, @RequestParam(defaultValue = "") String fingerprint,
            Principal principal, RedirectAttributes redirect) {
        Optional<PsaUploads.Upload> found = uploads.find(token, principal.getName());
        if (found.isEmpty()) {
            redirect.addFlashAttribute("psaError", "psa.error.expired");
            return "redirect:/imports";
        }
        PsaUploads.Upload upload = found.get();
        ImportCapacity.Permit permit = capacity.tryAcquire();
        if (permit == null) {
            redirect.addFlashAttribute("psaError", "importing.error.busy");
            return "redirect:/imports/psa/" + token;
        }
        try {
            jobs.start(token, principal.getName(), true, Math.max(upload.size / 120, 1), permit, progress -> {
                ImportOutcome outcome = psa.commit(principal.getName(), upload, PsaAnalysis.Unmatched.ASK, fingerprint,
                        progress);
                return outcome;
            });
        }
        catch (RejectedExecutionException ex) {
            redirect.addFlashAttribute("psaError", "importing.error.busy");
        }
        return "redirect:/imports/psa/" + token;
    }

    private String restart(PsaUploads.Upload upload, RedirectAttributes redirect) {
        ImportCapacity.Permit permit = capacity.tryAcquire();
        if (permit == null) {
            redirect.addFlashAttribute("psaError", "importing.error.busy");
            return "redirect:/imports/psa/" + upload.token;
        }
        return start(upload, permit, redirect);
    }

    private String start(PsaUploads.Upload upload, ImportCapacity.Permit permit, RedirectAttributes redirect) {
        try {
            jobs.start(upload.token, upload.username, false, Math.max(upload.size / 120, 1), permit,
                    progress -> psa.preview(upload, PsaAnalysis.Unmatched.ASK, progress));
        }
        catch (RejectedExecutionException ex) {
            redirect.addFlashAttribute("psaError", "importing.error.busy");
            return "redirect:/imports";
        }
        return "redirect:/imports/psa/" + upload.token;
    }

    static RawKind kind(String code) {
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "TICKETS" -> RawKind.TICKETS;
            case "INVOICES" -> RawKind.INVOICES;
            case "TIME_ENTRIES", "TIME" -> RawKind.TIME_ENTRIES;
            default -> null;
        };
    }

    static DateOrder dateOrder(String code) {
        for (DateOrder order : DateOrder.values()) {
            if (order.name().equalsIgnoreCase(code)) {
                return order;
            }
        }
        return null;
    }

    static Long parseLong(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }
}
