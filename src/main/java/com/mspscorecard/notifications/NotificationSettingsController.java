package com.mspscorecard.notifications;

import com.mspscorecard.notifications.internal.Choice;

import java.security.Principal;

import com.mspscorecard.users.Role;
import com.mspscorecard.users.UserContact;
import com.mspscorecard.users.UserDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user's own choices: digest and alerts, by mail and in the application, and "send me a
 * preview now". Staff are told nothing, so their page says so and offers no choice.
 */
@Controller
@RequestMapping("/account/notifications")
class NotificationSettingsController {

    static final String VIEW = "notifications/settings";

    /** The form: an unticked box sends nothing, hence nullable flags. */
    record ChoiceForm(Boolean digestMail, Boolean digestApp, Boolean alertsMail, Boolean alertsApp) {

        Choice choice() {
            return new Choice(Boolean.TRUE.equals(digestMail), Boolean.TRUE.equals(digestApp),
                    Boolean.TRUE.equals(alertsMail), Boolean.TRUE.equals(alertsApp));
        }
    }

    private final UserDirectory users;

    private final Choices choices;

    private final MonthlyDigest digest;

    private final OutboxSender sender;

    NotificationSettingsController(UserDirectory users, Choices choices, MonthlyDigest digest, OutboxSender sender) {
        this.users = users;
        this.choices = choices;
        this.digest = digest;
        this.sender = sender;
    }

    @ModelAttribute("me")
    UserContact me(Principal principal) {
        return NotificationController.me(users, principal);
    }

    @GetMapping
    String form(Principal principal, Model model) {
        UserContact me = me(principal);
        model.addAttribute("choice", choices.of(me.id()));
        model.addAttribute("told", me.role() != Role.STAFF);
        model.addAttribute("mailServer", sender.enabled());
        return VIEW;
    }

    @PostMapping
    String save(Principal principal, ChoiceForm form, RedirectAttributes redirect) {
        UserContact me = me(principal);
        if (me.role() == Role.STAFF) {
            redirect.addFlashAttribute("error", "notifications.settings.staff");
            return "redirect:/account/notifications";
        }
        choices.save(me.id(), form.choice());
        redirect.addFlashAttribute("message", "notifications.settings.saved");
        return "redirect:/account/notifications";
    }

    @PostMapping("/preview")
    String preview(Principal principal, RedirectAttributes redirect) {
        UserContact me = me(principal);
        if (me.role() == Role.STAFF) {
            redirect.addFlashAttribute("error", "notifications.settings.staff");
            return "redirect:/account/notifications";
        }
        Deliveries.Outcome outcome = digest.preview(me);
        redirect.addFlashAttribute("message", outcome == Deliveries.Outcome.MAIL
                ? "notifications.preview.mailed" : "notifications.preview.inApp");
        return "redirect:/account/notifications";
    }
}
