package com.mspscorecard.reports;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.clients.ClientStatuses;
import com.mspscorecard.clients.PortfolioMembership;
import com.mspscorecard.dashboard.MoneyFormat;
import com.mspscorecard.documents.ClientSafeWording;
import com.mspscorecard.documents.PdfDocuments;
import com.mspscorecard.incidents.IncidentFacts;
import com.mspscorecard.incidents.IncidentQueries;
import com.mspscorecard.metrics.SnapshotFigures;
import com.mspscorecard.metrics.SnapshotQueries;
import com.mspscorecard.scoring.ScorePoint;
import com.mspscorecard.scoring.ScorecardQueries;
import com.mspscorecard.scoring.ScorecardSentences;
import com.mspscorecard.scoring.ScorecardView;
import com.mspscorecard.users.UserDirectory;
import com.mspscorecard.users.UserSummary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A client's one-page report for a month, as PDF: the page is a Thymeleaf template
 * ({@code reports/internal} or {@code reports/client}) filled from stored scorecards and figures
 * (nothing is scored again) and rendered by {@link PdfDocuments}. Its charts are bars drawn as CSS
 * boxes, which the renderer writes as vector rectangles: sharp in print, no SVG library (Batik) and
 * no bitmap. Role checks belong to the caller (owners and account managers only).
 */
@Service
public class ClientReports {

    /** A rule that lost at least half its points is a topic for the review. */
    private static final BigDecimal TOPIC_BELOW = BigDecimal.valueOf(50);

    /** The score trend's tallest bar (a score of 100), in millimetres. */
    private static final BigDecimal TREND_MM = BigDecimal.valueOf(18);

    private final ScorecardQueries scorecards;
    private final ScorecardSentences sentences;
    private final ClientQueries clients;
    private final ClientStatuses statuses;
    private final SnapshotQueries snapshots;
    private final IncidentQueries incidents;
    private final UserDirectory users;
    private final ClientSafeWording wording;
    private final PdfDocuments pdf;
    private final ITemplateEngine templates;
    private final MoneyFormat money;
    private final String currency;
    private final Clock clock;

    ClientReports(ScorecardQueries scorecards, ScorecardSentences sentences, ClientQueries clients,
                  ClientStatuses statuses, SnapshotQueries snapshots, IncidentQueries incidents, UserDirectory users,
                  ClientSafeWording wording, PdfDocuments pdf, ITemplateEngine templates, MoneyFormat money,
                  @Value("${scorecard.currency:EUR}") String currency, Clock clock) {
        this.scorecards = scorecards;
        this.sentences = sentences;
        this.clients = clients;
        this.statuses = statuses;
        this.snapshots = snapshots;
        this.incidents = incidents;
        this.users = users;
        this.wording = wording;
        this.pdf = pdf;
        this.templates = templates;
        this.money = money;
        this.currency = currency;
        this.clock = clock;
    }

    /**
     * The month a report can be made for: the one asked when the client has a scorecard then, its
     * latest scored month when none is asked; empty when there is no such scorecard.
     */
    public Optional<YearMonth> reportableMonth(long clientId, YearMonth asked) {
        return (asked == null ? scorecards.latestOfClient(clientId) : scorecards.ofClient(clientId, asked))
                .map(ScorecardView::month);
    }

    /**
     * The clients with a report for the month: those that counted in the portfolio and have a
     * scorecard, by name; only one account manager's when {@code accountManagerId} is not null.
     */
    public List<ClientFacts> clientsOf(YearMonth month, Long accountManagerId) {
        Map<Long, String> scored = scorecards.recommendations(month);
        PortfolioMembership membership = statuses.membership();
        return clients.all().stream()
                .filter(c -> scored.containsKey(c.id()) && membership.counts(c.id(), month))
                .filter(c -> accountManagerId == null || accountManagerId.equals(c.accountManagerId()))
                .sorted(Comparator.comparing((ClientFacts c) -> c.name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /**
     * Writes the report as PDF to {@code out}, which stays open.
     *
     * @throws IllegalArgumentException when the client has no scorecard for the month (see {@link #reportableMonth})
     */
    public void write(long clientId, YearMonth month, Audience audience, Locale locale, OutputStream out) {
        Context context = new Context(locale);
        context.setVariable("report", report(clientId, month, audience, locale));
        pdf.page(templates.process("reports/" + audience.slug(), context), out);
    }

    ClientReport report(long clientId, YearMonth month, Audience audience, Locale locale) {
        ClientFacts client = clients.byId(clientId)
                .orElseThrow(() -> new IllegalArgumentException("no client " + clientId));
        ScorecardView card = scorecards.ofClient(clientId, month)
                .orElseThrow(() -> new IllegalArgumentException("no scorecard for client " + clientId + " in " + month));
        Map<YearMonth, SnapshotFigures> figures = new HashMap<>();
        for (SnapshotFigures f : snapshots.ofClient(clientId)) {
            figures.put(f.month(), f);
        }
        ServiceFigures service = ServiceFigures.of(month, figures, client.endpoints());
        String manager = client.accountManagerId() == null ? null
                : users.byId(client.accountManagerId()).map(UserSummary::displayName).orElse(null);
        LocalDate today = LocalDate.now(clock);
        if (audience == Audience.CLIENT) {
            return new ClientReport(audience, client.name(), month, today, manager, service, topics(card), null);
        }
        return new ClientReport(audience, client.name(), month, today, manager, service, List.of(),
                internal(sentences.in(card, locale), today, locale));
    }

    /** What the review may raise: the rules that lost half their points, and the dealbreakers, in client-safe words. */
    private List<String> topics(ScorecardView card) {
        List<String> codes = new ArrayList<>();
        for (ScorecardView.Reason dealbreaker : card.dealbreakers()) {
            codes.add(dealbreaker.code());
        }
        for (ScorecardView.RuleLine rule : card.rules()) {
            if (rule.subScore() != null && rule.subScore().compareTo(TOPIC_BELOW) < 0) {
                codes.add(rule.rule());
            }
        }
        return wording.reviewTopics(codes);
    }

    private InternalFigures internal(ScorecardView card, LocalDate today, Locale locale) {
        YearMonth month = card.month();
        List<ScorecardView.Reason> reasons = card.reasons().stream()
                .filter(r -> !r.code().startsWith("dealbreaker.")).toList();
        List<ScorePoint> history = scorecards.history(card.clientId());
        List<InternalFigures.TrendBar> trend = history.stream()
                .filter(p -> !p.month().isAfter(month) && p.month().isAfter(month.minusMonths(ServiceFigures.YEAR)))
                .map(p -> new InternalFigures.TrendBar(p.month(), p.score(), p.grade(), p.score() == null ? null
                        : p.score().multiply(TREND_MM).divide(BigDecimal.valueOf(100), 1, RoundingMode.HALF_UP)
                                .toPlainString() + "mm"))
                .toList();
        // The red-flag window: 12 months ending at the month, or today for the latest month ("as of today").
        boolean latest = !history.isEmpty() && history.get(history.size() - 1).month().equals(month);
        LocalDate to = latest && today.isAfter(month.atEndOfMonth()) ? today : month.atEndOfMonth();
        LocalDate from = to.minusMonths(ServiceFigures.YEAR).plusDays(1);
        List<IncidentFacts> window = incidents.ofClients(List.of(card.clientId())).stream()
                .filter(i -> !i.occurredOn().isBefore(from) && !i.occurredOn().isAfter(to))
                .sorted(Comparator.comparing(IncidentFacts::occurredOn).reversed()).toList();
        return new InternalFigures(card, first(reasons, InternalFigures.MAX_REASONS),
                Math.max(0, reasons.size() - InternalFigures.MAX_REASONS), trend,
                first(window, InternalFigures.MAX_INCIDENTS), Math.max(0, window.size() - InternalFigures.MAX_INCIDENTS),
                from, to, card.suggestedMonthlyPrice() == null ? null
                        : money.format(card.suggestedMonthlyPrice(), currency, locale),
                card.currentMonthlyRevenue() == null ? null : money.format(card.currentMonthlyRevenue(), currency, locale));
    }

    private static <T> List<T> first(List<T> list, int n) {
        return list.subList(0, Math.min(n, list.size()));
    }
}
