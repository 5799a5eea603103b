package com.mspscorecard.users;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user's personal API tokens: create (shown once), list, revoke. */
@Controller
@RequestMapping("/account/tokens")
class ApiTokenController {

    static final String VIEW = "account/tokens";

    private final ApiTokenService tokens;

    ApiTokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    String list(Principal principal, Model model) {
        model.addAttribute("tokens", tokens.of(principal.getName()));
        return VIEW;
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String name, Principal principal, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("newToken", tokens.create(principal.getName(), name));
            redirect.addFlashAttribute("message", "token.created");
        }
        catch (UserRuleViolation violation) {
            redirect.addFlashAttribute("error", violation.code());
        }
        return "redirect:/account/tokens";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable Long id, Principal principal, RedirectAttributes redirect) {
        try {
            tokens.revoke(principal.getName(), id);
            redirect.addFlashAttribute("message", "token.revoked");
        }
        catch (UserRuleViolation violation) {
            redirect.addFlashAttribute("error", violation.code());
        }
        return "redirect:/account/tokens";
    }
}
