package com.mspscorecard.offboarding;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientNotFound;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.contracts.ContractDeadline;
import com.mspscorecard.documents.PdfDocuments;
import com.mspscorecard.scoring.ScorecardQueries;
import com.mspscorecard.scoring.ScorecardSentences;
import com.mspscorecard.scoring.ScorecardView;
import com.mspscorecard.users.UserDirectory;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Opening a case from a client's scorecard, the case page and its letter. The owner decides;
 * account managers read cases and work their own clients' checklists (see {@link ChecklistController}).
 */
@Controller
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
class CaseController {

    static final String NEW = "offboarding/new";
    static final String CASE = "offboarding/case";
    static final String LIST = "offboarding/list";

    private final OffboardingService cases;
    private final ClientQueries clients;
    private final ScorecardQueries scorecards;
    private final ScorecardSentences sentences;
    private final NoticeLetters letters;
    private final PdfDocuments pdf;
    private final UserDirectory users;
    private final MessageSource messages;

    CaseController(OffboardingService cases, ClientQueries clients, ScorecardQueries scorecards,
            ScorecardSentences sentences, NoticeLetters letters, PdfDocuments pdf, UserDirectory users,
            MessageSource messages) {
        this.cases = cases;
        this.clients = clients;
        this.scorecards = scorecards;
        this.sentences = sentences;
        this.letters = letters;
        this.pdf = pdf;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/offboarding")
    String list(Model model) {
        model.addAttribute("cases", cases.openCases());
        return LIST;
    }

    @GetMapping("/clients/{id}/offboarding/new")
    @PreAuthorize("hasRole('OWNER')")
    String newCase(@PathVariable long id, @RequestParam(required = false) String language, Locale locale, Model model) {
        ClientFacts client = clients.byId(id).orElseThrow(() -> new ClientNotFound(id));
        ContractDeadline deadline = cases.deadline(id);
        ScorecardView card = scorecards.latestOfClient(id).map(c -> sentences.in(c, locale)).orElse(null);
        CaseForm form = new CaseForm();
        String lang = language != null ? ("it".equals(language) ? "it" : "en") : ("it".equals(locale.getLanguage()) ? "it" : "en");
        form.setLetterLanguage(lang);
        form.setDecision(card == null ? "OWNER_DECISION" : card.recommendation());
        form.setReasons(card == null ? "" : String.join("\n", card.reasons().stream().map(r -> "- " + r.text()).toList()));
        form.setExitDate(deadline.nextExit());
        form.setLetter(letters.draft(client.name(), deadline, deadline.nextExit(), codes(card), lang, cases.today()));
        return newPage(client, deadline, form, model);
    }

    @PostMapping("/clients/{id}/offboarding")
    @PreAuthorize("hasRole('OWNER')")
    String open(@PathVariable long id, @ModelAttribute("caseForm") CaseForm form,
            org.springframework.validation.BindingResult binding, Authentication authentication, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        ClientFacts client = clients.byId(id).orElseThrow(() -> new ClientNotFound(id));
        ContractDeadline deadline = cases.deadline(id);
        if (binding.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return newPage(client, deadline, form, model);
        }
        try {
            long caseId = cases.open(id, form, cases.actor(authentication.getName()));
            redirect.addFlashAttribute("message", "offboarding.opened");
            return "redirect:/offboarding/" + caseId;
        }
        catch (CaseProblem problem) {
            response.setStatus(problem.conflict || problem.field == null ? HttpServletResponse.SC_CONFLICT
                    : HttpServletResponse.SC_BAD_REQUEST);
            if (problem.field != null) {
                binding.rejectValue(problem.field, problem.code, problem.args.toArray(), problem.code);
            }
            else {
                model.addAttribute("problemCode", problem.code);
                model.addAttribute("problemArgs", problem.args.toArray());
            }
            model.addAttribute("earlyWarning", "offboarding.exitDate.early".equals(problem.code));
            return newPage(client, deadline, form, model);
        }
    }

    @GetMapping("/offboarding/{caseId}")
    String show(@PathVariable long caseId, Authentication authentication, Model model) {
        OffboardingCase k = cases.get(caseId);
        OffboardingService.Actor actor = cases.actor(authentication.getName());
        List<ChecklistItem> items = cases.items(caseId);
        model.addAttribute("kase", k);
        model.addAttribute("items", items);
        model.addAttribute("actor", actor);
        model.addAttribute("mayAssign", actor.owner() || Long.valueOf(actor.id()).equals(k.accountManagerId()));
        model.addAttribute("workable", items.stream().filter(i -> OffboardingService.mayWork(k, i, actor))
                .map(ChecklistItem::id).toList());
        model.addAttribute("people", users.all().stream().filter(u -> u.enabled()).toList());
        model.addAttribute("today", cases.today());
        model.addAttribute("itemsLeft", items.stream().filter(i -> !i.done()).count());
        return CASE;
    }

    @PostMapping("/offboarding/{caseId}/letter")
    @PreAuthorize("hasRole('OWNER')")
    String saveLetter(@PathVariable long caseId, @RequestParam int version, @RequestParam String letterLanguage,
            @RequestParam String letter, Authentication authentication, RedirectAttributes redirect) {
        return act(caseId, redirect, "offboarding.letter.saved",
                () -> cases.saveLetter(caseId, version, letterLanguage, letter, cases.actor(authentication.getName())));
    }

    @GetMapping("/offboarding/{caseId}/letter.pdf")
    ResponseEntity<byte[]> letterPdf(@PathVariable long caseId) {
        OffboardingCase k = cases.get(caseId);
        String title = messages.getMessage("offboarding.letter.pdfTitle", new Object[] { k.clientName() },
                Locale.forLanguageTag(k.letterLanguage()));
        byte[] body = pdf.letter(title, k.letter() == null ? "" : k.letter(), k.letterLanguage());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("notice-letter-" + caseId + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @PostMapping("/offboarding/{caseId}/complete")
    @PreAuthorize("hasRole('OWNER')")
    String complete(@PathVariable long caseId, @RequestParam int version, Authentication authentication,
            RedirectAttributes redirect) {
        return act(caseId, redirect, "offboarding.completed",
                () -> cases.complete(caseId, version, cases.actor(authentication.getName())));
    }

    @PostMapping("/offboarding/{caseId}/withdraw")
    @PreAuthorize("hasRole('OWNER')")
    String withdraw(@PathVariable long caseId, @RequestParam int version,
            @RequestParam(required = false) String reason, Authentication authentication, RedirectAttributes redirect) {
        return act(caseId, redirect, "offboarding.withdrawn",
                () -> cases.withdraw(caseId, version, reason, cases.actor(authentication.getName())));
    }

    /** Runs a step; a refusal comes back to the case page as its message, in the reader's language. */
    static String act(long caseId, RedirectAttributes redirect, String done, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("message", done);
        }
        catch (CaseProblem problem) {
            redirect.addFlashAttribute("problemCode", problem.code);
            redirect.addFlashAttribute("problemArgs", problem.args.toArray());
        }
        return "redirect:/offboarding/" + caseId;
    }

    private String newPage(ClientFacts client, ContractDeadline deadline, CaseForm form, Model model) {
        model.addAttribute("client", client);
        model.addAttribute("deadline", deadline);
        model.addAttribute("caseForm", form);
        model.addAttribute("today", cases.today());
        return NEW;
    }

    private static List<String> codes(ScorecardView card) {
        return card == null ? List.of() : card.reasons().stream().map(ScorecardView.Reason::code).toList();
    }
}
