package com.mspscorecard.users;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** First run: creates the owner while no user exists; answers 404 afterwards. */
@Controller
@RequestMapping("/setup")
class SetupController {

    static final String VIEW = "setup/setup";

    private final UserService users;

    private final ObjectProvider<DemoPortfolio> demo;

    private final boolean demoAtStartup;

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    /**
     * @param demoAtStartup {@code --scorecard.demo=true}: on an installation without an owner the
     *        demo cannot load at start-up (its incidents need a user), so setup offers it ticked
     */
    SetupController(UserService users, ObjectProvider<DemoPortfolio> demo,
            @Value("${scorecard.demo:false}") boolean demoAtStartup) {
        this.users = users;
        this.demo = demo;
        this.demoAtStartup = demoAtStartup;
    }

    @ModelAttribute("demoAvailable")
    boolean demoAvailable() {
        return demo.getIfAvailable() != null;
    }

    @GetMapping
    String form(Model model) {
        requireFirstRun();
        model.addAttribute("setupForm", SetupForm.empty(demoAtStartup && demoAvailable()));
        return VIEW;
    }

    @PostMapping
    String create(@Valid @ModelAttribute SetupForm setupForm, BindingResult result, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
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
                    setupForm.password(), setupForm.email()));
        }
        catch (UserRuleViolation violation) {
            if ("setup.alreadyDone".equals(violation.code())) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            result.rejectValue(violation.field(), violation.code());
            return VIEW;
        }
        boolean demoLoaded = setupForm.demoRequested() && demoAvailable();
        if (demoLoaded) {
            demo.ifAvailable(DemoPortfolio::loadIfEmpty);
        }
        signIn(setupForm.username().trim(), request, response);
        redirect.addFlashAttribute("message", demoLoaded ? "setup.signedInDemo" : "setup.signedIn");
        return "redirect:/";
    }

    /** Whoever just chose the owner's password is the owner: no second form to type it into. */
    private void signIn(String username, HttpServletRequest request, HttpServletResponse response) {
        UserDetails details = users.loadUserByUsername(username);
        if (details instanceof CredentialsContainer hash) {
            hash.eraseCredentials();
        }
        if (request.getSession(false) != null) {
            // As a sign-in through the form would: the anonymous session's id is not carried over.
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private void requireFirstRun() {
        if (users.anyUserExists()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
