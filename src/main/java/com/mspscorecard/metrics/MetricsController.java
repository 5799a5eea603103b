package com.mspscorecard.metrics;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientNotFound;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.clients.ClientStatus;
import com.mspscorecard.clients.ClientAccess;
import com.mspscorecard.numbers.NumberStyle;
import com.mspscorecard.users.UserDirectory;
import com.mspscorecard.users.UserSummary;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Monthly metrics pages: a client's month-by-month history, the form for one month, and the
 * monthly entry grid (one month across all clients of an account manager, a page at a time, each
 * page saved all or nothing). About 270 lines: the three pages share month parsing and the
 * grid's scope; the grid's paging, filter and addresses live in {@link EntryPage}.
 */
@Controller
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
class MetricsController {

    static final String HISTORY = "metrics/history";

    static final String MONTH_FORM = "metrics/month";

    static final String ENTRY = "metrics/entry";

    /** Value of the {@code manager} parameter with which the owner sees every client. */
    static final String ALL = "all";

    private final ClientQueries clients;

    private final SnapshotQueries snapshots;

    private final SnapshotWriter writer;

    private final UserDirectory users;

    private final Clock clock;

    private final MessageSource messages;

    MetricsController(ClientQueries clients, SnapshotQueries snapshots, SnapshotWriter writer, UserDirectory users,
            Clock clock, MessageSource messages) {
        this.messages = messages;
        this.clients = clients;
        this.snapshots = snapshots;
        this.writer = writer;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/clients/{id}/months")
    String history(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        ClientFacts client = clients.byId(id).orElseThrow(() -> new ClientNotFound(id));
        List<SnapshotFigures> months = new ArrayList<>(snapshots.ofClient(id));
        months.sort(Comparator.comparing(SnapshotFigures::month).reversed());
        model.addAttribute("client", client);
        model.addAttribute("months", months);
        model.addAttribute("metrics", Metric.values());
        model.addAttribute("thisMonth", YearMonth.now(clock));
        return htmx != null ? HISTORY + " :: history" : HISTORY;
    }

    @GetMapping("/clients/{id}/months/edit")
    String monthForm(@PathVariable long id, @RequestParam(required = false) String month, Locale locale,
            Model model) {
        ClientFacts client = clients.byId(id).orElseThrow(() -> new ClientNotFound(id));
        YearMonth chosen = parseMonth(month, defaultMonth());
        MonthEntry entry = MonthEntry.stored(id, client.name(), snapshots.of(id, chosen).orElse(null),
                NumberStyle.of(locale));
        return monthPage(model, client, chosen.toString(), entry, null);
    }

    @PostMapping("/clients/{id}/months")
    String saveMonth(@PathVariable long id, @RequestParam(required = false) String month, HttpServletRequest request,
            Locale locale, Model model, RedirectAttributes redirect) {
        ClientFacts client = clients.byId(id).orElseThrow(() -> new ClientNotFound(id));
        MonthEntry entry = MonthEntry.typed(id, client.name(), request::getParameter, "");
        YearMonth parsed = parseMonth(month, null);
        SnapshotRules.Result result = entry.check(parsed, NumberStyle.of(locale), clock);
        if (parsed == null || !result.valid()) {
            List<SnapshotRules.Problem> problems = new ArrayList<>(result.problems());
            if (parsed == null) {
                problems.removeIf(p -> p.field().equals(SnapshotRules.MONTH));
                problems.add(new SnapshotRules.Problem(SnapshotRules.MONTH, "snapshot.month.invalid", List.of()));
            }
            MonthEntry refused = entry.withProblems(problems);
            return monthPage(model, client, month, refused, refused.problem(SnapshotRules.MONTH));
        }
        writer.write(List.of(new SnapshotFigures(id, parsed, result.values())), EnumSet.allOf(Metric.class));
        redirect.addFlashAttribute("message", "metrics.month.saved");
        return "redirect:/clients/" + id;
    }

    private String monthPage(Model model, ClientFacts client, String month, MonthEntry entry,
            SnapshotRules.Problem monthProblem) {
        model.addAttribute("client", client);
        model.addAttribute("month", month);
        model.addAttribute("maxMonth", YearMonth.now(clock).toString());
        model.addAttribute("entry", entry);
        model.addAttribute("monthProblem", monthProblem);
        model.addAttribute("metrics", Metric.values());
        return MONTH_FORM;
    }

    @GetMapping("/metrics/entry")
    String entry(@RequestParam(required = false) String month, @RequestParam(required = false) String manager,
            @RequestParam(required = false) String q, @RequestParam(required = false) String page,
            Authentication authentication, Locale locale, Model model) {
        YearMonth chosen = parseMonth(month, defaultMonth());
        Scope scope = scope(manager, authentication);
        EntryPage grid = EntryPage.of(chosen, scope.manager(), scope.clients(), q, page);
        // Only this page's snapshots are read: the page, not the scope, is what is rendered.
        Map<Long, SnapshotFigures> stored = snapshots.ofMonth(grid.clients().stream().map(ClientFacts::id).toList(),
                chosen);
        List<MonthEntry> rows = grid.clients().stream()
                .map(c -> MonthEntry.stored(c.id(), c.name(), stored.get(c.id()), NumberStyle.of(locale))).toList();
        return entryPage(model, grid, scope, rows, null, locale);
    }

    /**
     * Saves the rows of one page, all or nothing. Every submitted client must be in the grid's
     * scope (the manager's clients, whatever page or filter they were typed on), so an account
     * manager can never write another manager's client. {@code go} is the page to show after a
     * successful save ("save and next page"); a refused save stays on the page with every typed value.
     */
    @PostMapping("/metrics/entry")
    String saveEntry(@RequestParam String month, @RequestParam(required = false) String manager,
            @RequestParam(required = false) String q, @RequestParam(required = false) String page,
            @RequestParam(required = false) String go,
            @RequestParam(name = "client", required = false) List<Long> submitted, HttpServletRequest request,
            Locale locale, Authentication authentication, Model model, RedirectAttributes redirect) {
        Scope scope = scope(manager, authentication);
        Map<Long, ClientFacts> allowed = scope.clients().stream()
                .collect(Collectors.toMap(ClientFacts::id, Function.identity()));
        List<Long> ids = submitted == null ? List.of() : submitted;
        if (!allowed.keySet().containsAll(ids)) {
            throw new AccessDeniedException("A submitted client is not in this entry grid");
        }
        YearMonth parsed = parseMonth(month, null);
        if (parsed == null || parsed.isAfter(YearMonth.now(clock))) {
            redirect.addFlashAttribute("error", parsed == null ? "snapshot.month.invalid" : "metrics.entry.future");
            return redirectTo(EntryPage.of(defaultMonth(), scope.manager(), scope.clients(), q, page));
        }
        List<MonthEntry> rows = new ArrayList<>();
        List<SnapshotFigures> figures = new ArrayList<>();
        int invalid = 0;
        for (Long id : ids) {
            MonthEntry row = MonthEntry.typed(id, allowed.get(id).name(), request::getParameter, "c" + id + ".");
            SnapshotRules.Result result = row.check(parsed, NumberStyle.of(locale), clock);
            invalid += result.problems().size();
            rows.add(row.withProblems(result.problems()));
            figures.add(new SnapshotFigures(id, parsed, result.values()));
        }
        EntryPage grid = EntryPage.of(parsed, scope.manager(), scope.clients(), q, page);
        if (invalid > 0) {
            // All or nothing: one refused cell saves nothing, and every typed value stays on the page.
            return entryPage(model, grid, scope, rows, invalid, locale);
        }
        int written = writer.write(figures, EnumSet.allOf(Metric.class));
        if (grid.paged() || grid.filtered()) {
            // The layout's message cannot say which page: this one names it, and that the others are separate.
            redirect.addFlashAttribute("pageSaved", grid.saved(written > 0, ids.size()));
        }
        else {
            redirect.addFlashAttribute("message", written == 0 ? "metrics.entry.unchanged" : "metrics.entry.saved");
        }
        return redirectTo(go == null ? grid : EntryPage.of(parsed, scope.manager(), scope.clients(), q, go));
    }

    private static String redirectTo(EntryPage grid) {
        return "redirect:" + grid.href(grid.number());
    }

    private String entryPage(Model model, EntryPage grid, Scope scope, List<MonthEntry> rows, Integer invalid,
            Locale locale) {
        YearMonth month = grid.month();
        model.addAttribute("month", month.toString());
        model.addAttribute("grid", grid);
        model.addAttribute("previousMonthHref", grid.hrefFor(month.minusMonths(1)));
        model.addAttribute("nextMonthHref",
                month.isBefore(YearMonth.now(clock)) ? grid.hrefFor(month.plusMonths(1)) : null);
        model.addAttribute("maxMonth", YearMonth.now(clock).toString());
        model.addAttribute("manager", scope.manager());
        model.addAttribute("managers", scope.owner() ? users.accountManagers() : List.of());
        model.addAttribute("owner", scope.owner());
        model.addAttribute("scopeEmpty", scope.clients().isEmpty());
        model.addAttribute("rows", rows);
        model.addAttribute("invalid", invalid);
        model.addAttribute("metrics", Metric.values());
        model.addAttribute("columns", EntryPage.Column.all(messages, locale));
        return ENTRY;
    }

    /**
     * Whose clients the grid shows: an account manager always sees their own; the owner chooses
     * a manager or {@code all} (the default: their own when they manage clients, else all).
     */
    private Scope scope(String manager, Authentication authentication) {
        UserSummary me = users.byUsername(authentication.getName()).orElse(null);
        boolean owner = ClientAccess.isOwner(authentication);
        List<ClientFacts> current = clients.all().stream().filter(c -> c.status() != ClientStatus.OFFBOARDED)
                .sorted(Comparator.comparing(ClientFacts::name, String.CASE_INSENSITIVE_ORDER)).toList();
        Long myId = me == null ? null : me.id();
        if (!owner) {
            return new Scope(String.valueOf(myId), false,
                    current.stream().filter(c -> myId != null && myId.equals(c.accountManagerId())).toList());
        }
        if (manager == null || manager.isBlank()) {
            boolean managesClients = current.stream().anyMatch(c -> myId != null && myId.equals(c.accountManagerId()));
            manager = managesClients ? String.valueOf(myId) : ALL;
        }
        if (ALL.equals(manager)) {
            return new Scope(ALL, true, current);
        }
        Long chosen;
        try {
            chosen = Long.valueOf(manager);
        }
        catch (NumberFormatException e) {
            return new Scope(ALL, true, current);
        }
        return new Scope(manager, true, current.stream().filter(c -> chosen.equals(c.accountManagerId())).toList());
    }

    record Scope(String manager, boolean owner, List<ClientFacts> clients) {
    }

    /** Last month: the month people usually enter figures for. */
    private YearMonth defaultMonth() {
        return YearMonth.now(clock).minusMonths(1);
    }

    static YearMonth parseMonth(String text, YearMonth fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(text.trim());
        }
        catch (DateTimeParseException e) {
            return fallback;
        }
    }

    static Set<Metric> allMetrics() {
        return EnumSet.allOf(Metric.class);
    }
}
