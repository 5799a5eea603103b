package com.mspscorecard.importing;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.numbers.NumberStyle;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The PSA sources and their settings, and the queue of names waiting to be matched. Owners and
 * account managers: an account manager imports, so may categorise tickets and name disputed
 * statuses, but the settings that change money figures (hourly costs, tool cost, the invoice types
 * that are not revenue) are the owner's alone, checked here on the server.
 */
@Controller
@RequestMapping("/imports/psa")
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
class PsaSourcesController {

    static final String VIEW_SOURCES = "importing/psa-sources";
    static final String VIEW_SOURCE = "importing/psa-source";
    static final String VIEW_QUEUE = "importing/psa-queue";

    private final PsaSources sources;
    private final PsaClientNames names;
    private final PsaClientCreation creation;
    private final ClientQueries clients;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    PsaSourcesController(PsaSources sources, PsaClientNames names, PsaClientCreation creation, ClientQueries clients,
            AuditTrail audit, PlatformTransactionManager transactions) {
        this.sources = sources;
        this.names = names;
        this.creation = creation;
        this.clients = clients;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
    }

    @GetMapping("/queue")
    String queue(Model model) {
        model.addAttribute("waiting", names.queue());
        model.addAttribute("clients", clients.all());
        return VIEW_QUEUE;
    }

    @PostMapping("/queue")
    String decide(@RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String client,
            Principal principal, RedirectAttributes redirect) {
        Optional<PsaClientCreation.Problem> problem = creation.decide(PsaController.parseLong(source), key, action,
                PsaController.parseLong(client), principal.getName());
        if (problem.isPresent()) {
            redirect.addFlashAttribute("psaError", problem.get().code());
            redirect.addFlashAttribute("psaErrorArgs", problem.get().args().toArray());
        }
        else {
            redirect.addFlashAttribute("psaMessage", "psa.queue.decided");
        }
        return "redirect:/imports/psa/queue";
    }

    @GetMapping("/sources")
    String sources(Model model) {
        List<SourceRow> rows = new ArrayList<>();
        for (PsaSources.Source source : sources.all()) {
            rows.add(new SourceRow(source, sources.layouts(source.id()), names.knownClients(source.id()).size()));
        }
        model.addAttribute("sources", rows);
        return VIEW_SOURCES;
    }

    /** A source in the list: its layouts and how many clients it knows. */
    record SourceRow(PsaSources.Source source, List<PsaSources.SavedLayout> layouts, int clients) {
    }

    @GetMapping("/sources/{id}")
    String source(@PathVariable long id, Authentication user, Locale locale, Model model, RedirectAttributes redirect) {
        Optional<PsaSources.Source> source = sources.byId(id);
        if (source.isEmpty()) {
            redirect.addFlashAttribute("psaError", "psa.sources.not_found");
            return "redirect:/imports/psa/sources";
        }
        return form(source.get(), PsaSourceForm.of(source.get(), NumberStyle.of(locale)), List.of(), user, model);
    }

    @PostMapping("/sources/{id}")
    String save(@PathVariable long id, @RequestParam Map<String, String> params, Authentication user, Locale locale,
            Model model, RedirectAttributes redirect) {
        Optional<PsaSources.Source> found = sources.byId(id);
        if (found.isEmpty()) {
            redirect.addFlashAttribute("psaError", "psa.sources.not_found");
            return "redirect:/imports/psa/sources";
        }
        PsaSources.Source source = found.get();
        List<PsaSourceForm.Category> categories = new ArrayList<>();
        for (int i = 0; i < 1000 && params.containsKey("categoryKey" + i); i++) {
            categories.add(new PsaSourceForm.Category(params.get("categoryKey" + i), params.getOrDefault("category" + i, "")));
        }
        int version = PsaController.parseLong(params.get("version")) == null ? -1
                : PsaController.parseLong(params.get("version")).intValue();
        PsaSourceForm form = new PsaSourceForm(params.getOrDefault("name", ""), version, categories,
                params.getOrDefault("disputed", ""), params.getOrDefault("excluded", ""),
                params.getOrDefault("hourlyCost", ""), params.getOrDefault("roleCosts", ""),
                params.getOrDefault("toolCost", ""), params.getOrDefault("historyMonths", ""));
        boolean owner = isOwner(user);
        PsaSourceForm.Checked checked = form.check(NumberStyle.of(locale), owner, source.settings());
        List<PsaSourceForm.Problem> problems = new ArrayList<>(checked.problems());
        if (problems.isEmpty() && sources.nameTaken(checked.name(), id)) {
            problems.add(new PsaSourceForm.Problem("name", "psa.sources.name.taken", List.of(checked.name())));
        }
        if (!problems.isEmpty()) {
            return form(source, form, problems, user, model);
        }
        boolean saved = Boolean.TRUE.equals(tx.execute(status -> {
            if (!sources.update(id, version, checked.name(), checked.settings())) {
                return false;
            }
            audit.record(AuditEvent.of("CHANGED", "PSA_SOURCE", id, "psa.source.saved", checked.name()));
            return true;
        }));
        if (!saved) {
            problems.add(new PsaSourceForm.Problem("version", "psa.sources.stale", List.of()));
            return form(sources.byId(id).orElse(source), form, problems, user, model);
        }
        redirect.addFlashAttribute("psaMessage", "psa.sources.saved");
        return "redirect:/imports/psa/sources/" + id;
    }

    private String form(PsaSources.Source source, PsaSourceForm form, List<PsaSourceForm.Problem> problems,
            Authentication user, Model model) {
        model.addAttribute("source", source);
        model.addAttribute("form", form);
        model.addAttribute("categories", form.withSeen(sources.seenValues(source.id())));
        model.addAttribute("seen", sources.seenValues(source.id()));
        model.addAttribute("problems", problems);
        model.addAttribute("owner", isOwner(user));
        model.addAttribute("layouts", sources.layouts(source.id()));
        model.addAttribute("categoryNames", java.util.Arrays.stream(
                com.mspscorecard.importing.raw.SourceSettings.Category.values()).map(Enum::name).toList());
        return VIEW_SOURCE;
    }

    private static boolean isOwner(Authentication user) {
        return user != null && user.getAuthorities().stream().anyMatch(a -> "ROLE_OWNER".equals(a.getAuthority()));
    }
}
