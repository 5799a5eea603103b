package com.mspscorecard.reports;

import com.mspscorecard.web.MonthParameter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.servlet.http.HttpServletResponse;
import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.scoring.ScorecardQueries;
import com.mspscorecard.users.Role;
import com.mspscorecard.users.UserDirectory;
import com.mspscorecard.users.UserSummary;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A client's report as a PDF download, and every client's of a month as one zip, streamed entry by
 * entry so that no more than one report is in memory. Owners and account managers only (the reports
 * hold financial figures, PRODUCT §1). Downloads are not audited, like the snapshot export. A month
 * without a scorecard answers a page that says so (404), never an empty PDF.
 *
 * <p>The report's language is {@code language} ({@code en} or {@code it}, the reader's by default):
 * not {@code lang}, which would switch the reader's own interface language.
 */
@Controller
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
class ReportController {

    static final String MISSING_VIEW = "reports/missing";

    private static final Pattern UNSAFE_FILE_NAME = Pattern.compile("[^\\p{L}\\p{N} ._-]+");

    private final ClientReports reports;
    private final ClientQueries clients;
    private final ScorecardQueries scorecards;
    private final UserDirectory users;

    ReportController(ClientReports reports, ClientQueries clients, ScorecardQueries scorecards, UserDirectory users) {
        this.reports = reports;
        this.clients = clients;
        this.scorecards = scorecards;
        this.users = users;
    }

    @GetMapping("/clients/{id}/scorecard/report.pdf")
    ModelAndView report(@PathVariable long id, @RequestParam(required = false) String month,
                        @RequestParam(required = false) String audience, @RequestParam(required = false) String language,
                        Locale locale, HttpServletResponse response) throws IOException {
        ClientFacts client = clients.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<YearMonth> asked = MonthParameter.parse(month);
        Optional<YearMonth> shown = reports.reportableMonth(id, asked.orElse(null));
        if (shown.isEmpty()) {
            return missing(asked.orElse(null), client);
        }
        Audience who = Audience.of(audience);
        Locale in = language(language, locale);
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName(client.name(), shown.get(), who, in) + ".pdf", StandardCharsets.UTF_8).build().toString());
        reports.write(id, shown.get(), who, in, response.getOutputStream());
        return null;
    }

    /**
     * One report per client with a scorecard in the month (the latest scored month by default):
     * an owner's are all clients; an account manager's are their own unless {@code clients=all}.
     */
    @GetMapping("/scorecards/reports.zip")
    ModelAndView all(@RequestParam(required = false) String month, @RequestParam(required = false) String audience,
                     @RequestParam(required = false) String language, @RequestParam(required = false) String clients,
                     Authentication authentication, Locale locale, HttpServletResponse response) throws IOException {
        Optional<YearMonth> asked = MonthParameter.parse(month);
        Optional<YearMonth> shown = asked.isPresent() ? asked : scorecards.latestMonth();
        Long manager = null;
        if (!"all".equals(clients)) {
            manager = users.byUsername(authentication.getName()).filter(u -> u.role() == Role.ACCOUNT_MANAGER)
                    .map(UserSummary::id).orElse(null);
        }
        List<ClientFacts> chosen = shown.map(m -> reports.clientsOf(m, null)).orElse(List.of());
        if (manager != null) {
            Long me = manager;
            chosen = chosen.stream().filter(c -> me.equals(c.accountManagerId())).toList();
        }
        if (chosen.isEmpty()) {
            ModelAndView page = missing(shown.orElse(null), null);
            page.addObject("mine", manager != null);
            return page;
        }
        Audience who = Audience.of(audience);
        Locale in = language(language, locale);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("reports-" + shown.get() + "-" + who.slug() + "-" + in.getLanguage() + ".zip",
                        StandardCharsets.UTF_8).build().toString());
        Set<String> names = new HashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream(), StandardCharsets.UTF_8)) {
            for (ClientFacts client : chosen) {
                String name = fileName(client.name(), shown.get(), who, in);
                if (!names.add(name.toLowerCase(Locale.ROOT))) {
                    name = name + "-" + client.id();
                }
                zip.putNextEntry(new ZipEntry(name + ".pdf"));
                reports.write(client.id(), shown.get(), who, in, zip);
                zip.closeEntry();
                zip.flush();
            }
        }
        return null;
    }

    private static ModelAndView missing(YearMonth month, ClientFacts client) {
        ModelAndView page = new ModelAndView(MISSING_VIEW);
        page.setStatus(HttpStatus.NOT_FOUND);
        page.addObject("month", month);
        page.addObject("client", client);
        page.addObject("mine", false);
        return page;
    }

    private static Locale language(String language, Locale reader) {
        String chosen = language != null && !language.isBlank() ? language.trim() : reader.getLanguage();
        return "it".equalsIgnoreCase(chosen) ? Locale.ITALIAN : Locale.ENGLISH;
    }

    /** {@code Rossi _ Figli-2026-06-client-it} for "Rossi & Figli": letters, digits, spaces, dots and dashes only. */
    static String fileName(String clientName, YearMonth month, Audience audience, Locale locale) {
        String safe = UNSAFE_FILE_NAME.matcher(clientName).replaceAll("_").strip();
        if (safe.length() > 80) {
            safe = safe.substring(0, 80);
        }
        return safe + "-" + month + "-" + audience.slug() + "-" + locale.getLanguage();
    }
}
