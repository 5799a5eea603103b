package com.mspscorecard.voting;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/** Every user's side of a poll: the list, the ballot, its confirmation, and the results. */
@Controller
@RequestMapping("/polls")
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER','STAFF')")
class PollController {

    static final String LIST_VIEW = "voting/list";

    static final String POLL_VIEW = "voting/poll";

    static final String CONFIRM_VIEW = "voting/confirm";

    static final String RESULTS_VIEW = "voting/results";

    private final PollService polls;

    private final ObjectMapper json;

    PollController(PollService polls, ObjectMapper json) {
        this.polls = polls;
        this.json = json;
    }

    @GetMapping
    String list(Principal principal, Model model) {
        model.addAttribute("polls", polls.all());
        model.addAttribute("today", polls.today());
        model.addAttribute("voted", polls.pollsVotedBy(principal.getName()));
        return LIST_VIEW;
    }

    /**
     * The poll, its roster and, while it is open and the user may still vote, an empty ballot. The
     * first visit after the opening date takes the roster, so this GET may write.
     */
    @GetMapping("/{id}")
    String poll(@PathVariable long id, Principal principal, Model model) {
        return poll(id, null, principal, model);
    }

    /**
     * The ballot again, filled in with {@code pick}s, from the confirmation's "change" button: a
     * POST, so that picks never appear in a URL (access logs, browser history).
     */
    @PostMapping("/{id}")
    String poll(@PathVariable long id, @RequestParam(name = "pick", required = false) List<String> picks,
            Principal principal, Model model) {
        Poll poll = polls.opened(id);
        model.addAttribute("poll", poll);
        model.addAttribute("status", poll.status(polls.today()));
        model.addAttribute("voted", polls.hasVoted(id, principal.getName()));
        model.addAttribute("onRoster", polls.onRoster(id, principal.getName()));
        model.addAttribute("roster", polls.roster(poll));
        model.addAttribute("places", IntStream.rangeClosed(1, poll.picks()).boxed().toList());
        model.addAttribute("picks", picks == null ? List.of() : picks);
        model.addAttribute("clients", polls.activeClients());
        return POLL_VIEW;
    }

    @PostMapping("/{id}/ballot/review")
    String review(@PathVariable long id, @RequestParam(name = "pick", required = false) List<String> picks,
            Principal principal, Model model) {
        try {
            model.addAttribute("picked", polls.review(id, principal.getName(), picks));
            model.addAttribute("poll", polls.poll(id));
            return CONFIRM_VIEW;
        }
        catch (VotingRuleViolation violation) {
            model.addAttribute("ballotError", violation.code());
            return poll(id, picks, principal, model);
        }
    }

    @PostMapping("/{id}/ballot")
    String cast(@PathVariable long id, @RequestParam(name = "pick", required = false) List<String> picks,
            Principal principal, Model model, RedirectAttributes redirect) {
        try {
            polls.cast(id, principal.getName(), picks);
            redirect.addFlashAttribute("message", "ballot.cast");
            return "redirect:/polls/" + id;
        }
        catch (VotingRuleViolation violation) {
            if (violation.field() == null) {
                redirect.addFlashAttribute("error", violation.code());
                return "redirect:/polls/" + id;
            }
            model.addAttribute("ballotError", violation.code());
            return poll(id, picks, principal, model);
        }
    }

    @GetMapping("/{id}/results")
    String results(@PathVariable long id, Model model) {
        PollService.Results results = polls.results(id);
        model.addAttribute("results", results);
        if (results.available()) {
            List<Tally.Line> lines = results.tally().lines();
            model.addAttribute("chart", json.writeValueAsString(new Chart(
                    lines.stream().map(l -> results.name(l.clientId())).toList(),
                    lines.stream().map(Tally.Line::points).toList(),
                    lines.stream().map(l -> l.share().movePointRight(2)).toList())));
        }
        return RESULTS_VIEW;
    }

    /** What voting.js draws: one bar per client, best-known (most points) first. */
    record Chart(List<String> labels, List<Long> points, List<BigDecimal> percents) {
    }
}
