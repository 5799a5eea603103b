package com.mspscorecard.scoring;

import com.mspscorecard.scoring.engine.ScoringModel;
import com.mspscorecard.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The scoring model, read-only: the active version by default, any version by {@code ?version=}. */
@Controller
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
class ScoringModelController {

    static final String VIEW = "scoring/model";

    private final ScoringModels models;

    ScoringModelController(ScoringModels models) {
        this.models = models;
    }

    @GetMapping("/scoring/model")
    String show(@RequestParam(required = false) Integer version, Model page) {
        ScoringModel model = version == null ? models.active()
                : models.model(version).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        page.addAttribute("model", model);
        page.addAttribute("form", ModelForm.of(model)); // the editor's units: percentages, not fractions
        page.addAttribute("shown", models.version(model.version()).orElseThrow());
        page.addAttribute("versions", models.versions());
        page.addAttribute("draft", models.draft().orElse(null));
        return VIEW;
    }

    @Configuration(proxyBeanMethods = false)
    static class ScoringNavigation {

        @Bean
        NavigationItem scoringModelNavigationItem() {
            return NavigationItem.of("scoring-model", "/scoring/model", 70, "OWNER", "ACCOUNT_MANAGER");
        }
    }
}
