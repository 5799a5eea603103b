package com.mspscorecard.dashboard;

import com.mspscorecard.web.MonthParameter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mspscorecard.scoring.PortfolioView;
import com.mspscorecard.users.UserDirectory;
import com.mspscorecard.users.UserSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The scored clients list and the Pareto page: the whole portfolio in one month. */
@Controller
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
class ScorecardsController {

    static final String LIST_VIEW = "dashboard/scorecards";
    static final String PARETO_VIEW = "dashboard/pareto";

    /**
     * The tables a list page shows rows of: clients and their managers' names, their scores under the
     * active model, and the figures behind revenue and margin (see {@link KeptReads}).
     */
    private static final String[] LIST_SHOWS = {"app_user", "client", "client_score", "monthly_snapshot",
            "scoring_model"};

    /** A list page's key: the month shown, the filters, sort and page asked. */
    private record ListKey(YearMonth month, ScoredClientsQuery query) {
    }

    /** A list page's rows, with the count of all matches and the pages. */
    private record ListPage(List<ScoredClient> rows, int matching, int currentPage, int pageCount) {
    }

    private final PortfolioPages pages;
    private final UserDirectory users;
    private final JsonMapper json;
    private final KeptReads kept;

    ScorecardsController(PortfolioPages pages, UserDirectory users, JsonMapper json, KeptReads kept) {
        this.pages = pages;
        this.users = users;
        this.json = json;
        this.kept = kept;
    }

    @GetMapping("/scorecards")
    String list(@RequestParam(required = false) String month, @RequestParam(required = false) String grade,
                @RequestParam(required = false) String recommendation, @RequestParam(required = false) Long manager,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                @RequestParam(required = false) Integer page, Model model) {
        ScoredClientsQuery query = ScoredClientsQuery.of(grade, recommendation, manager, sort, dir, page);
        // Read before the data (see KeptReads).
        String fingerprint = kept.fingerprint(LIST_SHOWS);
        model.addAttribute("query", query);
        model.addAttribute("grades", ScoredClientsQuery.GRADES);
        model.addAttribute("recommendations", ScoredClientsQuery.RECOMMENDATIONS);
        model.addAttribute("managers", users.accountManagers());
        Optional<PortfolioPage> shown = portfolio(month, model);
        if (shown.isEmpty()) {
            return LIST_VIEW;
        }
        ListKey key = new ListKey(shown.get().month(), query);
        ListPage listed = kept.<ListPage>kept(key, fingerprint).orElse(null);
        if (listed == null) {
            listed = listPage(shown.get(), query);
            kept.keep(key, fingerprint, listed);
        }
        model.addAttribute("rows", listed.rows());
        model.addAttribute("matching", listed.matching());
        model.addAttribute("currentPage", listed.currentPage());
        model.addAttribute("pageCount", listed.pageCount());
        return LIST_VIEW;
    }

    /** The rows of the page asked, filtered and sorted, with the count and the pages. */
    private ListPage listPage(PortfolioPage portfolio, ScoredClientsQuery query) {
        Map<Long, String> names = new HashMap<>();
        for (UserSummary user : users.all()) {
            names.put(user.id(), user.displayName());
        }
        List<ScoredClient> rows = new ArrayList<>();
        portfolio.view().scorecards().forEach(card -> {
            MoneyWindow.ClientMoney money = portfolio.money().of(card.clientId());
            ScoredClient row = new ScoredClient(card, money.revenue(), money.margin(),
                    card.accountManagerId() == null ? null : names.get(card.accountManagerId()));
            if (query.matches(row)) {
                rows.add(row);
            }
        });
        rows.sort(query.comparator());
        int pagesCount = Math.max(1, (rows.size() + ScoredClientsQuery.PAGE_SIZE - 1) / ScoredClientsQuery.PAGE_SIZE);
        int current = Math.min(query.page(), pagesCount);
        int from = (current - 1) * ScoredClientsQuery.PAGE_SIZE;
        return new ListPage(List.copyOf(rows.subList(from, Math.min(rows.size(), from + ScoredClientsQuery.PAGE_SIZE))),
                rows.size(), current, pagesCount);
    }

    @GetMapping("/pareto")
    String pareto(@RequestParam(required = false) String month, Model model) {
        Optional<PortfolioPage> shown = portfolio(month, model);
        if (shown.isPresent()) {
            PortfolioView.Pareto pareto = shown.get().view().pareto();
            model.addAttribute("pareto", pareto);
            model.addAttribute("revenueDeciles", deciles(pareto.revenueCurve()));
            model.addAttribute("effortDeciles", deciles(pareto.effortCurve()));
            model.addAttribute("drains", pareto.scatter().stream().filter(PortfolioView.ScatterPoint::drain)
                    .sorted(java.util.Comparator.comparing(PortfolioView.ScatterPoint::effortShare,
                            java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
                    .toList());
            model.addAttribute("paretoJson", paretoJson(pareto, shown.get().month()));
        }
        return PARETO_VIEW;
    }

    /** The shown month's portfolio, or the empty state when nothing is scored yet. */
    private Optional<PortfolioPage> portfolio(String month, Model model) {
        PortfolioPages.Current current = pages.current();
        Optional<YearMonth> latest = current.latestMonth();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        YearMonth shown = MonthParameter.parse(month).orElse(latest.get());
        PortfolioPage page = current.page(shown);
        model.addAttribute("page", page);
        model.addAttribute("month", shown);
        model.addAttribute("months", page.months());
        return Optional.of(page);
    }

    /** A curve's height after each tenth of the clients: the chart's text alternative. */
    record Decile(int percentOfClients, int clients, BigDecimal cumulativeShare) {
    }

    static List<Decile> deciles(List<PortfolioView.CurvePoint> curve) {
        List<Decile> deciles = new ArrayList<>();
        if (curve.isEmpty()) {
            return deciles;
        }
        for (int percent = 10; percent <= 100; percent += 10) {
            int clients = Math.max(1, (int) Math.ceil(curve.size() * percent / 100.0));
            deciles.add(new Decile(percent, clients, curve.get(clients - 1).cumulativeShare()));
        }
        return deciles;
    }

    private String paretoJson(PortfolioView.Pareto pareto, YearMonth month) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("revenue", curve(pareto.revenueCurve()));
        data.put("effort", curve(pareto.effortCurve()));
        List<Map<String, Object>> points = new ArrayList<>();
        for (PortfolioView.ScatterPoint point : pareto.scatter()) {
            if (point.effortShare() == null) {
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("x", percent(point.revenueShare()));
            p.put("y", percent(point.effortShare()));
            p.put("name", point.clientName());
            p.put("drain", point.drain());
            p.put("href", "/clients/" + point.clientId() + "/scorecard?month=" + month);
            points.add(p);
        }
        data.put("scatter", points);
        return json.writeValueAsString(data);
    }

    private static List<Map<String, Object>> curve(List<PortfolioView.CurvePoint> curve) {
        List<Map<String, Object>> points = new ArrayList<>(curve.size() + 1);
        points.add(Map.of("x", 0, "y", 0));
        for (PortfolioView.CurvePoint point : curve) {
            points.add(Map.of("x", percent(point.clientShare()), "y", percent(point.cumulativeShare())));
        }
        return points;
    }

    static BigDecimal percent(BigDecimal fraction) {
        return fraction == null ? null : fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }
}
