package com.mspscorecard.users;

import jakarta.validation.Valid;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** First run: creates the owner while no user exists; answers 404 afterwards. */
@Controller
@RequestMapping("/setup")
class SetupController {

    static final String VIEW = "setup/setup";

    private final UserService users;

    private final ObjectProvider<DemoPortfolio> demo;

    SetupController(UserService users, ObjectProvider<DemoPortfolio> demo) {
        this.users = users;
        this.demo = demo;
    }

    @ModelAttribute("demoAvailable")
    boolean demoAvailable() {
        return demo.getIfAvailable() != null;
    }

    @GetMapping
    String form(Model model) {
        requireFirstRun();
        model.addAttribute("setupForm", SetupForm.empty());
        return VIEW;
    }

    @PostMapping
    String create(@Valid @ModelAttribute SetupForm setupForm, BindingResult result, RedirectAttributes redirect) {
        requireFirstRun();
        if (!result.hasFieldErrors("confirmPassword") && setupForm.password() != null
                && !setupForm.password().equals(setupForm.confirmPassword())) {
            result.rejectValue("confirmPassword", "password.mismatch");
        }
        if (result.hasErrors()) {
            return VIEW;
        }
        try {
            users.createFirstOwner(new NewUser(setupForm.username(), setupForm.displayName(), Role.OWNER,
                    setupForm.password()));
        }
        catch (UserRuleViolation violation) {
            if ("setup.alreadyDone".equals(violation.code())) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            result.rejectValue(violation.field(), violation.code());
            return VIEW;
        }
        if (setupForm.demoRequested()) {
            demo.ifAvailable(DemoPortfolio::loadIfEmpty);
        }
        redirect.addFlashAttribute("message", "setup.done");
        return "redirect:/login";
    }

    private void requireFirstRun() {
        if (users.anyUserExists()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
