package com.mspscorecard.users;

import java.security.Principal;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's users page: create users, change roles, disable and enable. */
@Controller
@RequestMapping("/users")
@PreAuthorize("hasRole('OWNER')")
class UserController {

    static final String VIEW = "users/list";

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", users.contacts());
        model.addAttribute("newUserForm", NewUserForm.empty());
        return VIEW;
    }

    @PostMapping
    String create(@Valid @ModelAttribute NewUserForm newUserForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                users.create(new NewUser(newUserForm.username(), newUserForm.displayName(), newUserForm.role(),
                        newUserForm.password(), newUserForm.email()));
                redirect.addFlashAttribute("message", "user.created");
                return "redirect:/users";
            }
            catch (UserRuleViolation violation) {
                result.rejectValue(violation.field(), violation.code());
            }
        }
        model.addAttribute("users", users.contacts());
        return VIEW;
    }

    @PostMapping("/{id}/role")
    String changeRole(@PathVariable Long id, @RequestParam Role role, Principal principal,
            RedirectAttributes redirect) {
        return apply(() -> users.changeRole(id, role, principal.getName()), "user.roleChanged", redirect);
    }

    /** Sets or clears the address digest and alerts go to (blank: in-app only). */
    @PostMapping("/{id}/email")
    String changeEmail(@PathVariable Long id, @RequestParam(required = false) String email,
            RedirectAttributes redirect) {
        return apply(() -> users.changeEmail(id, email), "user.emailChanged", redirect);
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@PathVariable Long id, @RequestParam boolean enabled, Principal principal,
            RedirectAttributes redirect) {
        return apply(() -> users.setEnabled(id, enabled, principal.getName()),
                enabled ? "user.enabled" : "user.disabled", redirect);
    }

    private static String apply(Runnable change, String successCode, RedirectAttributes redirect) {
        try {
            change.run();
            redirect.addFlashAttribute("message", successCode);
        }
        catch (UserRuleViolation violation) {
            redirect.addFlashAttribute("error", violation.code());
        }
        return "redirect:/users";
    }
}
