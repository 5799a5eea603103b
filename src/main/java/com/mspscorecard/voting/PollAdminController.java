package com.mspscorecard.voting;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's side of polls: create, close early (once everyone on the roster has voted) or
 * withdraw. There is deliberately no page of who has voted: see {@link PollService}.
 */
@Controller
@RequestMapping("/polls")
@PreAuthorize("hasRole('OWNER')")
class PollAdminController {

    static final String NEW_VIEW = "voting/new";

    private final PollService polls;

    PollAdminController(PollService polls) {
        this.polls = polls;
    }

    @GetMapping("/new")
    String newPoll(Model model) {
        model.addAttribute("pollForm", PollForm.startingOn(polls.today()));
        return NEW_VIEW;
    }

    @PostMapping
    String create(@Valid @ModelAttribute PollForm pollForm, BindingResult result, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long id = polls.create(pollForm);
                redirect.addFlashAttribute("message", "poll.created");
                return "redirect:/polls/" + id;
            }
            catch (VotingRuleViolation violation) {
                result.rejectValue(violation.field(), violation.code());
            }
        }
        return NEW_VIEW;
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        return onPoll(id, () -> polls.closeEarly(id), "poll.closed", redirect);
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        return onPoll(id, () -> polls.withdraw(id), "poll.withdrawn", redirect);
    }

    /** Does what the owner asked of a poll and returns to it, saying that it was done or which rule refused it. */
    private static String onPoll(long id, Runnable action, String done, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        }
        catch (VotingRuleViolation violation) {
            redirect.addFlashAttribute("error", violation.code());
        }
        return "redirect:/polls/" + id;
    }
}
