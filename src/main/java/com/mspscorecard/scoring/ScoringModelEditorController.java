package com.mspscorecard.scoring;

import java.util.List;

import com.mspscorecard.scoring.engine.ScoringModel;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's draft of the next scoring model: create it from the active one, edit every setting,
 * preview each client's grade before → after, activate or discard it. Every path names the draft's
 * version, so a stale page can never activate some other draft.
 */
@Controller
@PreAuthorize("hasRole('OWNER')")
class ScoringModelEditorController {

    static final String EDIT_VIEW = "scoring/edit";
    static final String PREVIEW_VIEW = "scoring/preview";

    private final ScoringModels models;

    ScoringModelEditorController(ScoringModels models) {
        this.models = models;
    }

    @PostMapping("/scoring/model/drafts")
    String create() {
        return "redirect:/scoring/model/" + models.createDraft().version() + "/edit";
    }

    @GetMapping("/scoring/model/{version}/edit")
    String edit(@PathVariable int version, Model page) {
        ScoringModel draft = draft(version);
        page.addAttribute("form", ModelForm.of(draft));
        page.addAttribute("version", version);
        return EDIT_VIEW;
    }

    @PostMapping("/scoring/model/{version}/edit")
    String save(@PathVariable int version, @ModelAttribute("form") ModelForm form, BindingResult errors,
                @RequestParam(defaultValue = "save") String then, Model page, RedirectAttributes redirect) {
        ScoringModel draft = draft(version);
        var edited = form.toModel(draft, errors);
        if (edited.isEmpty()) {
            page.addAttribute("version", version);
            return EDIT_VIEW;
        }
        models.saveDraft(edited.get());
        if ("preview".equals(then)) {
            return "redirect:/scoring/model/" + version + "/preview";
        }
        redirect.addFlashAttribute("message", "scoring.edit.saved");
        return "redirect:/scoring/model/" + version + "/edit";
    }

    @GetMapping("/scoring/model/{version}/preview")
    String preview(@PathVariable int version, Model page) {
        draft(version);
        List<ScoringModels.PreviewLine> lines = models.preview(version).stream()
                .sorted(java.util.Comparator.comparing((ScoringModels.PreviewLine line) -> !line.changed())
                        .thenComparing(ScoringModels.PreviewLine::clientName, String.CASE_INSENSITIVE_ORDER))
                .toList();
        page.addAttribute("version", version);
        page.addAttribute("activeVersion", models.active().version());
        page.addAttribute("lines", lines);
        page.addAttribute("gradeChanges", lines.stream()
                .filter(line -> !java.util.Objects.equals(line.gradeBefore(), line.gradeAfter())).count());
        page.addAttribute("recommendationChanges", lines.stream()
                .filter(line -> !line.recommendationBefore().equals(line.recommendationAfter())).count());
        return PREVIEW_VIEW;
    }

    @PostMapping("/scoring/model/{version}/activate")
    String activate(@PathVariable int version, RedirectAttributes redirect) {
        draft(version);
        models.activate(version);
        redirect.addFlashAttribute("message", "scoring.edit.activated");
        return "redirect:/scoring/model";
    }

    @PostMapping("/scoring/model/{version}/discard")
    String discard(@PathVariable int version, RedirectAttributes redirect) {
        draft(version);
        models.discardDraft(version);
        redirect.addFlashAttribute("message", "scoring.edit.discarded");
        return "redirect:/scoring/model";
    }

    /** The draft with that version; any other version (active, retired, missing) is not editable. */
    private ScoringModel draft(int version) {
        models.version(version).filter(ModelVersion::draft)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return models.model(version).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
