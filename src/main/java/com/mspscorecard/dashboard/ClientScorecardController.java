package com.mspscorecard.dashboard;

import com.mspscorecard.web.FragmentText;
import com.mspscorecard.web.MonthParameter;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** One client's scorecard as a page. */
@Controller
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
class ClientScorecardController {

    static final String VIEW = "dashboard/client";

    private final ClientScorecards scorecards;
    private final com.mspscorecard.offboarding.PriceProposals proposals;
    private final KeptSections sections;
    private final FragmentText fragments;
    private final Clock clock;

    ClientScorecardController(ClientScorecards scorecards, com.mspscorecard.offboarding.PriceProposals proposals,
                              KeptSections sections, FragmentText fragments, Clock clock) {
        this.scorecards = scorecards;
        this.proposals = proposals;
        this.sections = sections;
        this.fragments = fragments;
        this.clock = clock;
    }

    static final String SECTION = "dashboard/scorecard :: scorecard";

    /**
     * The tables the scorecard section shows rows of: the client, its scores and their model, its monthly
     * figures, its incidents, an accepted price raise and its account manager's name (see {@link KeptSections}).
     */
    private static final String[] SHOWN = {"app_user", "client", "client_score", "incident", "monthly_snapshot",
            "price_proposal", "scoring_model"};

    /** The section's key: owners see the actions; without a month the latest is shown, as of today's month. */
    private record Key(long clientId, YearMonth asked, YearMonth today, Locale locale, boolean owner) {
    }

    /**
     * Read in one read-only transaction: the fingerprint and, when the section must be rendered
     * again, the page's eight queries share one BEGIN and COMMIT instead of one each.
     */
    @GetMapping("/clients/{id}/scorecard")
    @Transactional(readOnly = true)
    String scorecard(@PathVariable long id, @RequestParam(required = false) String month, Locale locale,
                     Authentication reader, Model model, HttpServletRequest request, HttpServletResponse response) {
        YearMonth asked = MonthParameter.parse(month).orElse(null);
        Key key = new Key(id, asked, YearMonth.now(clock), locale,
                reader.getAuthorities().stream().anyMatch(a -> "ROLE_OWNER".equals(a.getAuthority())));
        String fingerprint = sections.fingerprint(SHOWN);
        KeptSections.Section<ClientScorecard> section = sections.<ClientScorecard>kept(key, fingerprint).orElse(null);
        if (section == null) {
            ClientScorecard scorecard = scorecards.of(id, asked, locale)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            model.addAttribute("scorecard", scorecard);
            // Issue 16: an accepted price raise not yet in the figures is shown instead of a new RAISE_PRICE.
            if (scorecard.card() != null) {
                proposals.acceptedRaiseAfter(id, scorecard.card().month())
                        .ifPresent(date -> model.addAttribute("acceptedRaise", date));
            }
            section = new KeptSections.Section<>(fingerprint, scorecard,
                    fragments.render(SECTION, model.asMap(), locale, request, response));
            sections.keep(key, section);
        }
        model.addAttribute("scorecard", section.page());
        model.addAttribute("scorecardSection", section.html());
        return VIEW;
    }
}
