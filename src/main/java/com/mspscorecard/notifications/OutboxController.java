package com.mspscorecard.notifications;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's list of mail that could not be sent after the last try, with "try again". */
@Controller
@RequestMapping("/notifications/outbox")
@PreAuthorize("hasRole('OWNER')")
class OutboxController {

    static final String VIEW = "notifications/outbox";

    private final MailOutbox outbox;

    private final OutboxSender sender;

    OutboxController(MailOutbox outbox, OutboxSender sender) {
        this.outbox = outbox;
        this.sender = sender;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("failed", outbox.failed());
        model.addAttribute("mailServer", sender.enabled());
        return VIEW;
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        if (outbox.retry(id)) {
            sender.nudge();
            redirect.addFlashAttribute("message", "notifications.outbox.retrying");
        }
        else {
            redirect.addFlashAttribute("error", "notifications.notFound");
        }
        return "redirect:/notifications/outbox";
    }
}
