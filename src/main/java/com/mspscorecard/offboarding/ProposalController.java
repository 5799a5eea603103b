package com.mspscorecard.offboarding;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientNotFound;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.contracts.ContractDeadline;
import com.mspscorecard.documents.PdfDocuments;
import com.mspscorecard.scoring.ScorecardQueries;
import com.mspscorecard.scoring.ScorecardView;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Price-raise proposals: opened by the owner from a RAISE_PRICE scorecard; account managers read them. */
@Controller
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
class ProposalController {

    static final String NEW = "offboarding/proposal-new";
    static final String SHOW = "offboarding/proposal";

    private final PriceProposals proposals;
    private final OffboardingService cases;
    private final ClientQueries clients;
    private final ScorecardQueries scorecards;
    private final NoticeLetters letters;
    private final PdfDocuments pdf;
    private final MessageSource messages;

    ProposalController(PriceProposals proposals, OffboardingService cases, ClientQueries clients,
            ScorecardQueries scorecards, NoticeLetters letters, PdfDocuments pdf, MessageSource messages) {
        this.proposals = proposals;
        this.cases = cases;
        this.clients = clients;
        this.scorecards = scorecards;
        this.letters = letters;
        this.pdf = pdf;
        this.messages = messages;
    }

    @GetMapping("/clients/{id}/price-proposal/new")
    @PreAuthorize("hasRole('OWNER')")
    String newProposal(@PathVariable long id, @RequestParam(required = false) String language, Locale locale, Model model) {
        ClientFacts client = clients.byId(id).orElseThrow(() -> new ClientNotFound(id));
        ScorecardView card = scorecards.latestOfClient(id).orElse(null);
        BigDecimal current = client.contractMrr() != null ? client.contractMrr()
                : card == null ? null : card.currentMonthlyRevenue();
        BigDecimal suggested = card == null ? null : card.suggestedMonthlyPrice();
        LocalDate effective = effectiveDate(id);
        String lang = language != null ? ("it".equals(language) ? "it" : "en") : ("it".equals(locale.getLanguage()) ? "it" : "en");
        model.addAttribute("client", client);
        model.addAttribute("card", card);
        model.addAttribute("currentPrice", current);
        model.addAttribute("proposedPrice", suggested == null ? null : suggested.setScale(2, java.math.RoundingMode.HALF_UP));
        model.addAttribute("effectiveOn", effective);
        model.addAttribute("letterLanguage", lang);
        model.addAttribute("letter", suggested == null ? "" : letters.priceRaise(client.name(), current,
                suggested.setScale(2, java.math.RoundingMode.HALF_UP), effective, lang, cases.today()));
        model.addAttribute("today", cases.today());
        return NEW;
    }

    @PostMapping("/clients/{id}/price-proposal")
    @PreAuthorize("hasRole('OWNER')")
    String open(@PathVariable long id, @RequestParam(required = false) String proposedPrice,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn,
            @RequestParam(defaultValue = "en") String letterLanguage, @RequestParam(required = false) String letter,
            Authentication authentication, Model model, Locale locale, RedirectAttributes redirect,
            HttpServletResponse response) {
        ClientFacts client = clients.byId(id).orElseThrow(() -> new ClientNotFound(id));
        BigDecimal current = client.contractMrr() != null ? client.contractMrr()
                : scorecards.latestOfClient(id).map(ScorecardView::currentMonthlyRevenue).orElse(null);
        try {
            BigDecimal price;
            try {
                price = proposedPrice == null || proposedPrice.isBlank() ? null
                        : new BigDecimal(proposedPrice.strip().replace(',', '.'));
            }
            catch (NumberFormatException e) {
                throw CaseProblem.of("proposedPrice", "proposal.price.invalid");
            }
            long proposalId = proposals.open(id, current, price, effectiveOn, letterLanguage, letter,
                    cases.actor(authentication.getName()));
            redirect.addFlashAttribute("message", "proposal.opened");
            return "redirect:/proposals/" + proposalId;
        }
        catch (CaseProblem problem) {
            response.setStatus(problem.field == null ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problemCode", problem.code);
            model.addAttribute("problemArgs", problem.args.toArray());
            model.addAttribute("client", client);
            model.addAttribute("currentPrice", current);
            model.addAttribute("proposedPrice", proposedPrice);
            model.addAttribute("effectiveOn", effectiveOn);
            model.addAttribute("letterLanguage", letterLanguage);
            model.addAttribute("letter", letter);
            model.addAttribute("today", cases.today());
            return NEW;
        }
    }

    @GetMapping("/proposals/{proposalId}")
    String show(@PathVariable long proposalId, Authentication authentication, Model model) {
        model.addAttribute("proposal", proposals.get(proposalId));
        model.addAttribute("actor", cases.actor(authentication.getName()));
        return SHOW;
    }

    @PostMapping("/proposals/{proposalId}/answer")
    @PreAuthorize("hasRole('OWNER')")
    String answer(@PathVariable long proposalId, @RequestParam int version, @RequestParam boolean accepted,
            Authentication authentication, RedirectAttributes redirect) {
        return act(proposalId, redirect, accepted ? "proposal.accepted" : "proposal.declined",
                () -> proposals.answer(proposalId, version, accepted, cases.actor(authentication.getName())));
    }

    @PostMapping("/proposals/{proposalId}/withdraw")
    @PreAuthorize("hasRole('OWNER')")
    String withdraw(@PathVariable long proposalId, @RequestParam int version,
            @RequestParam(required = false) String reason, Authentication authentication, RedirectAttributes redirect) {
        return act(proposalId, redirect, "proposal.withdrawn",
                () -> proposals.withdraw(proposalId, version, reason, cases.actor(authentication.getName())));
    }

    @GetMapping("/proposals/{proposalId}/letter.pdf")
    ResponseEntity<byte[]> letterPdf(@PathVariable long proposalId) {
        PriceProposal p = proposals.get(proposalId);
        String title = messages.getMessage("proposal.letter.pdfTitle", new Object[] { p.clientName() },
                Locale.forLanguageTag(p.letterLanguage()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("price-letter-" + proposalId + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf.letter(title, p.letter() == null ? "" : p.letter(), p.letterLanguage()));
    }

    /** Next renewal when notice can still be given for it; otherwise once the notice period has run. */
    private LocalDate effectiveDate(long clientId) {
        ContractDeadline d = cases.deadline(clientId);
        LocalDate today = cases.today();
        if (d.problem() == null && !d.noticePassed(today)) {
            return d.renewal();
        }
        Integer notice = d.contract().noticePeriodDays();
        return today.plusDays(notice == null ? 30 : notice);
    }

    private static String act(long id, RedirectAttributes redirect, String done, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("message", done);
        }
        catch (CaseProblem problem) {
            redirect.addFlashAttribute("problemCode", problem.code);
            redirect.addFlashAttribute("problemArgs", problem.args.toArray());
        }
        return "redirect:/proposals/" + id;
    }
}
