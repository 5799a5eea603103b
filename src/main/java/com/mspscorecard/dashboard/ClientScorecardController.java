package com.mspscorecard.dashboard;

import com.mspscorecard.web.MonthParameter;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** One client's scorecard as a page; the same body is a fragment for the client's own page. */
@Controller
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
class ClientScorecardController {

    static final String VIEW = "dashboard/client";

    private final ClientScorecards scorecards;
    private final com.mspscorecard.offboarding.PriceProposals proposals;

    ClientScorecardController(ClientScorecards scorecards, com.mspscorecard.offboarding.PriceProposals proposals) {
        this.scorecards = scorecards;
        this.proposals = proposals;
    }

    @GetMapping("/clients/{id}/scorecard")
    String scorecard(@PathVariable long id, @RequestParam(required = false) String month, Locale locale,
                     Model model) {
        ClientScorecard scorecard = scorecards.of(id, MonthParameter.parse(month).orElse(null), locale)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("scorecard", scorecard);
        // Issue 16: an accepted price raise not yet in the figures is shown instead of a new RAISE_PRICE.
        if (scorecard.card() != null) {
            proposals.acceptedRaiseAfter(id, scorecard.card().month())
                    .ifPresent(date -> model.addAttribute("acceptedRaise", date));
        }
        return VIEW;
    }
}
