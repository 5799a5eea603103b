package com.mspscorecard.dashboard;

import com.mspscorecard.web.MonthParameter;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
    private final KeptReads kept;
    private final Clock clock;

    ClientScorecardController(ClientScorecards scorecards, com.mspscorecard.offboarding.PriceProposals proposals,
                              KeptReads kept, Clock clock) {
        this.scorecards = scorecards;
        this.proposals = proposals;
        this.kept = kept;
        this.clock = clock;
    }

    /**
     * The tables a scorecard page shows rows of: the client, its scores and their model, its monthly
     * figures, its incidents, an accepted price raise and its account manager's name (see {@link KeptReads}).
     */
    private static final String[] SHOWN = {"app_user", "client", "client_score", "incident", "monthly_snapshot",
            "price_proposal", "scoring_model"};

    /** The page's key: its sentences are in the reader's language; without a month the latest is shown. */
    private record Key(long clientId, YearMonth asked, YearMonth today, Locale locale) {
    }

    /** What the page reads: the scorecard and an accepted price raise not yet in the figures. */
    private record Read(ClientScorecard scorecard, LocalDate acceptedRaise) {
    }

    /**
     * Read in one read-only transaction: the fingerprint and, when the page's data must be read again,
     * its eight queries share one BEGIN and COMMIT instead of one each.
     */
    @GetMapping("/clients/{id}/scorecard")
    @Transactional(readOnly = true)
    String scorecard(@PathVariable long id, @RequestParam(required = false) String month, Locale locale,
                     Model model) {
        YearMonth asked = MonthParameter.parse(month).orElse(null);
        Key key = new Key(id, asked, YearMonth.now(clock), locale);
        String fingerprint = kept.fingerprint(SHOWN);
        Read read = kept.<Read>kept(key, fingerprint).orElse(null);
        if (read == null) {
            ClientScorecard scorecard = scorecards.of(id, asked, locale)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            // Issue 16: an accepted price raise not yet in the figures is shown instead of a new RAISE_PRICE.
            LocalDate raise = scorecard.card() == null ? null
                    : proposals.acceptedRaiseAfter(id, scorecard.card().month()).orElse(null);
            read = new Read(scorecard, raise);
            kept.keep(key, fingerprint, read);
        }
        model.addAttribute("scorecard", read.scorecard());
        if (read.acceptedRaise() != null) {
            model.addAttribute("acceptedRaise", read.acceptedRaise());
        }
        return VIEW;
    }
}
