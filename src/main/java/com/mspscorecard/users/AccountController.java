package com.mspscorecard.users;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user's own account: change the password, optionally signing out everywhere else. */
@Controller
@RequestMapping("/account/password")
class AccountController {

    static final String VIEW = "account/password";

    private static final Log log = LogFactory.getLog(AccountController.class);

    private final UserService users;

    private final UserSessions sessions;

    AccountController(UserService users, UserSessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    /** A user created with an initial password is sent here first, and told why. */
    @ModelAttribute("mustChoose")
    boolean mustChoose(Authentication authentication) {
        return PasswordChangeFirst.required(authentication);
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("passwordForm", PasswordForm.empty());
        return VIEW;
    }

    @PostMapping
    String change(@Valid @ModelAttribute PasswordForm passwordForm, BindingResult result, Principal principal,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (!result.hasFieldErrors("confirmPassword") && passwordForm.newPassword() != null
                && !passwordForm.newPassword().equals(passwordForm.confirmPassword())) {
            result.rejectValue("confirmPassword", "password.mismatch");
        }
        if (result.hasErrors()) {
            return VIEW;
        }
        try {
            users.changePassword(principal.getName(), passwordForm.currentPassword(), passwordForm.newPassword(),
                    request.getRemoteAddr());
        }
        catch (UserRuleViolation violation) {
            result.rejectValue(violation.field(), violation.code());
            return VIEW;
        }
        if (PasswordChangeFirst.required(SecurityContextHolder.getContext().getAuthentication())) {
            signInAgain(principal.getName(), request, response);
        }
        if (passwordForm.endsOtherSessions()) {
            // After the commit: a refused change must not sign anybody out.
            HttpSession current = request.getSession(false);
            sessions.endOthersOf(principal.getName(), current == null ? null : current.getId());
            log.info("Password of " + SignInLog.clean(principal.getName()) + " changed; other sessions ended");
        }
        redirect.addFlashAttribute("message",
                passwordForm.endsOtherSessions() ? "password.changedOthersEnded" : "password.changed");
        return "redirect:/";
    }

    /** The session's sign-in, re-read: it no longer carries the "choose your password" mark. */
    private void signInAgain(String username, HttpServletRequest request, HttpServletResponse response) {
        UserDetails details = users.loadUserByUsername(username);
        if (details instanceof CredentialsContainer hash) {
            hash.eraseCredentials();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
