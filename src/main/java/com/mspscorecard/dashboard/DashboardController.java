package com.mspscorecard.dashboard;

import com.mspscorecard.web.MonthParameter;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.mspscorecard.users.DemoPortfolio;
import com.mspscorecard.users.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /}: the portfolio at a glance for owners and account managers; staff, who must not see
 * money, get a home page with their two tasks instead.
 */
@Controller
class DashboardController {

    static final String VIEW = "dashboard/dashboard";
    static final String STAFF_VIEW = "dashboard/home";

    private final PortfolioPages pages;
    private final ObjectProvider<DemoPortfolio> demo;
    private final MessageSource messages;
    private final JsonMapper json;
    private final com.mspscorecard.offboarding.PriceProposals proposals;

    DashboardController(PortfolioPages pages, ObjectProvider<DemoPortfolio> demo, MessageSource messages,
                        JsonMapper json, com.mspscorecard.offboarding.PriceProposals proposals) {
        this.proposals = proposals;
        this.pages = pages;
        this.demo = demo;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/")
    String dashboard(@RequestParam(required = false) String month, Authentication authentication, Locale locale,
                     Model model) {
        if (!seesFinancials(authentication)) {
            return STAFF_VIEW;
        }
        PortfolioPages.Current current = pages.current();
        Optional<YearMonth> latest = current.latestMonth();
        if (latest.isEmpty()) {
            model.addAttribute("demoAvailable", demo.getIfAvailable() != null && isOwner(authentication));
            return VIEW;
        }
        YearMonth shown = MonthParameter.parse(month).orElse(latest.get());
        PortfolioPage page = current.page(shown);
        model.addAttribute("page", page);
        model.addAttribute("summary", page.summary());
        model.addAttribute("month", shown);
        model.addAttribute("months", page.months());
        model.addAttribute("gradeJson", gradeJson(page.summary().gradeCounts(), locale));
        // Issue 16: notice deadlines of the next 90 days, flagged clients first.
        model.addAttribute("deadlines", current.deadlines());
        // Issue 16: price increases on offer, beside the candidates without a proposal.
        var offers = proposals.onOffer();
        model.addAttribute("priceOffers", offers);
        model.addAttribute("priceCandidates", page.view().scorecards().stream()
                .filter(c -> "RAISE_PRICE".equals(c.recommendation()) && !offers.clientsWithOffer().contains(c.clientId()))
                .count());
        return VIEW;
    }

    /** The empty dashboard's third way to start: only the owner, and only into an empty database. */
    @PostMapping("/dashboard/demo")
    @PreAuthorize("hasRole('OWNER')")
    String loadDemo(RedirectAttributes redirect) {
        DemoPortfolio portfolio = demo.getIfAvailable();
        if (portfolio == null) {
            redirect.addFlashAttribute("error", "dashboard.demo.unavailable");
        } else {
            portfolio.loadIfEmpty();
            redirect.addFlashAttribute("message", "dashboard.demo.loaded");
        }
        return "redirect:/";
    }

    private String gradeJson(Map<String, Long> counts, Locale locale) {
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        counts.forEach((grade, count) -> {
            labels.add(messages.getMessage("dashboard.grade." + grade, null, grade, locale));
            values.add(count);
        });
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("grades", List.copyOf(counts.keySet()));
        data.put("labels", labels);
        data.put("counts", values);
        return json.writeValueAsString(data);
    }

    static boolean seesFinancials(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(Role.OWNER.authority())
                        || a.getAuthority().equals(Role.ACCOUNT_MANAGER.authority()));
    }

    private static boolean isOwner(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.OWNER.authority()));
    }
}
