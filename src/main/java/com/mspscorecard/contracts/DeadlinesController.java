package com.mspscorecard.contracts;

import java.util.Locale;

import com.mspscorecard.clients.ClientAccess;
import com.mspscorecard.users.UserDirectory;
import com.mspscorecard.users.UserSummary;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /deadlines}: the notice deadlines of the next 90 days, flagged clients first; the clients
 * whose contract lacks the dates; the user's calendar feed. Account managers see their own clients
 * unless they ask for all.
 */
@Controller
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
class DeadlinesController {

    static final String VIEW = "contracts/deadlines";

    private final ContractDeadlines deadlines;
    private final CalendarFeeds feeds;
    private final UserDirectory users;

    DeadlinesController(ContractDeadlines deadlines, CalendarFeeds feeds, UserDirectory users) {
        this.deadlines = deadlines;
        this.feeds = feeds;
        this.users = users;
    }

    @GetMapping("/deadlines")
    String deadlines(@RequestParam(required = false) String scope, Authentication authentication, Model model) {
        UserSummary me = me(authentication);
        boolean all = ClientAccess.isOwner(authentication) || "all".equals(scope);
        Long managerId = all ? null : me.id();
        model.addAttribute("rows", deadlines.upcoming(managerId));
        model.addAttribute("incomplete", deadlines.incomplete(managerId));
        model.addAttribute("today", deadlines.today());
        model.addAttribute("horizon", ContractDeadlines.HORIZON_DAYS);
        model.addAttribute("allClients", all);
        model.addAttribute("owner", ClientAccess.isOwner(authentication));
        model.addAttribute("feedExists", feeds.exists(me.id()));
        return VIEW;
    }

    @PostMapping("/deadlines/feed")
    String createFeed(Authentication authentication, Locale locale, HttpServletRequest request,
            RedirectAttributes redirect) {
        String secret = feeds.create(me(authentication).id(), "it".equals(locale.getLanguage()) ? "it" : "en");
        String url = ServletUriComponentsBuilder.fromContextPath(request).path("/calendar/feed/{secret}.ics")
                .buildAndExpand(secret).toUriString();
        redirect.addFlashAttribute("feedUrl", url);
        return "redirect:/deadlines";
    }

    @PostMapping("/deadlines/feed/revoke")
    String revokeFeed(Authentication authentication, RedirectAttributes redirect) {
        feeds.revoke(me(authentication).id());
        redirect.addFlashAttribute("message", "deadlines.feed.revoked");
        return "redirect:/deadlines";
    }

    private UserSummary me(Authentication authentication) {
        return users.byUsername(authentication.getName()).orElseThrow(
                () -> new org.springframework.security.access.AccessDeniedException("unknown user"));
    }
}
