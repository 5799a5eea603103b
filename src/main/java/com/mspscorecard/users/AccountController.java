package com.mspscorecard.users;

import java.security.Principal;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user's own account: change the password. */
@Controller
@RequestMapping("/account/password")
class AccountController {

    static final String VIEW = "account/password";

    private final UserService users;

    AccountController(UserService users) {
        this.users = users;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("passwordForm", PasswordForm.empty());
        return VIEW;
    }

    @PostMapping
    String change(@Valid @ModelAttribute PasswordForm passwordForm, BindingResult result, Principal principal,
            RedirectAttributes redirect) {
        if (!result.hasFieldErrors("confirmPassword") && passwordForm.newPassword() != null
                && !passwordForm.newPassword().equals(passwordForm.confirmPassword())) {
            result.rejectValue("confirmPassword", "password.mismatch");
        }
        if (result.hasErrors()) {
            return VIEW;
        }
        try {
            users.changePassword(principal.getName(), passwordForm.currentPassword(), passwordForm.newPassword());
        }
        catch (UserRuleViolation violation) {
            result.rejectValue(violation.field(), violation.code());
            return VIEW;
        }
        redirect.addFlashAttribute("message", "password.changed");
        return "redirect:/";
    }
}
