package com.mspscorecard.offboarding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.mspscorecard.documents.LetterTemplates;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Working a checklist: ticking (anyone, on the items they may work), assigning (the owner and the
 * client's account manager), "my tasks" (every role: staff see nothing else of offboarding), the
 * client page's list of cases, and the owner's templates.
 */
@Controller
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER','STAFF')")
class ChecklistController {

    static final String TASKS = "offboarding/tasks";
    static final String CLIENT = "offboarding/client";
    static final String TEMPLATES = "offboarding/templates";

    private final OffboardingService cases;
    private final LetterTemplates letters;
    private final PriceProposals proposals;

    ChecklistController(OffboardingService cases, LetterTemplates letters, PriceProposals proposals) {
        this.cases = cases;
        this.letters = letters;
        this.proposals = proposals;
    }

    @GetMapping("/offboarding/tasks")
    String tasks(Authentication authentication, Model model) {
        model.addAttribute("items", cases.assignedTo(cases.actor(authentication.getName())));
        model.addAttribute("today", cases.today());
        return TASKS;
    }

    @PostMapping("/offboarding/{caseId}/items/{itemId}")
    String tick(@PathVariable long caseId, @PathVariable long itemId, @RequestParam int version,
            @RequestParam boolean done, @RequestParam(required = false) String returnTo, Authentication authentication,
            RedirectAttributes redirect) {
        String view = CaseController.act(caseId, redirect, done ? "offboarding.item.done" : "offboarding.item.reopened",
                () -> cases.tick(caseId, itemId, version, done, cases.actor(authentication.getName())));
        return "tasks".equals(returnTo) ? "redirect:/offboarding/tasks" : view;
    }

    @PostMapping("/offboarding/{caseId}/items/{itemId}/assign")
    @PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
    String assign(@PathVariable long caseId, @PathVariable long itemId, @RequestParam int version,
            @RequestParam(required = false) Long assigneeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
            Authentication authentication, RedirectAttributes redirect) {
        return CaseController.act(caseId, redirect, "offboarding.item.assigned",
                () -> cases.assign(caseId, itemId, version, assigneeId, dueOn, cases.actor(authentication.getName())));
    }

    /** The client page's section: its cases (and, later, price proposals), newest first. */
    @GetMapping("/clients/{id}/cases")
    @PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
    String ofClient(@PathVariable long id, Model model) {
        model.addAttribute("cases", cases.ofClient(id));
        model.addAttribute("proposals", proposals.ofClient(id));
        model.addAttribute("clientId", id);
        return CLIENT + " :: cases";
    }

    @GetMapping("/offboarding/templates")
    @PreAuthorize("hasRole('OWNER')")
    String templates(Model model) {
        model.addAttribute("items", cases.template());
        model.addAttribute("notice", List.of(letters.template("NOTICE", "en"), letters.template("NOTICE", "it")));
        return TEMPLATES;
    }

    @PostMapping("/offboarding/templates/checklist")
    @PreAuthorize("hasRole('OWNER')")
    String saveChecklist(@RequestParam(name = "days", required = false) List<String> days,
            @RequestParam(name = "titleEn", required = false) List<String> titlesEn,
            @RequestParam(name = "titleIt", required = false) List<String> titlesIt, Authentication authentication,
            RedirectAttributes redirect) {
        List<TemplateItem> items = new ArrayList<>();
        int count = days == null ? 0 : days.size();
        for (int i = 0; i < count; i++) {
            String en = at(titlesEn, i);
            String it = at(titlesIt, i);
            if (en.isEmpty() && it.isEmpty()) {
                continue;
            }
            int before;
            try {
                before = Integer.parseInt(at(days, i));
            }
            catch (NumberFormatException e) {
                redirect.addFlashAttribute("error", "offboarding.template.days");
                return "redirect:/offboarding/templates";
            }
            items.add(new TemplateItem(null, i + 1, before, en.isEmpty() ? it : en, it.isEmpty() ? en : it));
        }
        try {
            cases.saveTemplate(items, cases.actor(authentication.getName()));
            redirect.addFlashAttribute("message", "offboarding.template.saved");
        }
        catch (CaseProblem problem) {
            redirect.addFlashAttribute("error", problem.code);
        }
        return "redirect:/offboarding/templates";
    }

    @PostMapping("/offboarding/templates/letter")
    @PreAuthorize("hasRole('OWNER')")
    String saveLetter(@RequestParam String language, @RequestParam(required = false) String body,
            Authentication authentication, RedirectAttributes redirect) {
        if (!LetterTemplates.LANGUAGES.contains(language) || body != null
                && (body.length() > LetterTemplates.MAX_LENGTH || body.indexOf('\0') >= 0)) {
            redirect.addFlashAttribute("error", "offboarding.template.letterInvalid");
            return "redirect:/offboarding/templates";
        }
        letters.save("NOTICE", language, body, authentication.getName());
        redirect.addFlashAttribute("message", "offboarding.template.saved");
        return "redirect:/offboarding/templates";
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i).strip();
    }
}
