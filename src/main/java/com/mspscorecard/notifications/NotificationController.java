package com.mspscorecard.notifications;

import java.security.Principal;

import com.mspscorecard.users.UserContact;
import com.mspscorecard.users.UserDirectory;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user's notifications, newest first; mark one or all as read. */
@Controller
@RequestMapping("/notifications")
class NotificationController {

    static final String VIEW = "notifications/list";

    private final UserDirectory users;

    private final Inbox inbox;

    NotificationController(UserDirectory users, Inbox inbox) {
        this.users = users;
        this.inbox = inbox;
    }

    @GetMapping
    String list(Principal principal, HttpServletRequest request, Model model) {
        UserContact user = me(users, principal);
        model.addAttribute("entries", inbox.latest(user.id()));
        model.addAttribute("base", request.getContextPath());
        return VIEW;
    }

    @PostMapping("/{id}/read")
    String read(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        if (!inbox.markRead(me(users, principal).id(), id)) {
            redirect.addFlashAttribute("error", "notifications.notFound");
        }
        return "redirect:/notifications";
    }

    @PostMapping("/read-all")
    String readAll(Principal principal, RedirectAttributes redirect) {
        inbox.markAllRead(me(users, principal).id());
        redirect.addFlashAttribute("message", "notifications.allRead");
        return "redirect:/notifications";
    }

    static UserContact me(UserDirectory users, Principal principal) {
        return users.contact(principal.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
