package com.mspscorecard.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.incidents.IncidentFacts;
import com.mspscorecard.incidents.IncidentQueries;
import com.mspscorecard.metrics.Metric;
import com.mspscorecard.metrics.SnapshotFigures;
import com.mspscorecard.metrics.SnapshotQueries;
import com.mspscorecard.scoring.ScorePoint;
import com.mspscorecard.scoring.ScorecardQueries;
import com.mspscorecard.scoring.ScorecardSentences;
import com.mspscorecard.scoring.ScorecardView;
import com.mspscorecard.users.UserDirectory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client's scorecard page in a fixed number of queries: the scorecard, its score history, its
 * snapshots, its incidents, the client and its account manager; its sentences are written in the
 * reader's language from the stored codes, without scoring anything again. Role checks belong to the caller
 * (owners and account managers only).
 */
@Service
public class ClientScorecards {

    static final int HISTORY_MONTHS = 24;

    private final ScorecardQueries scorecards;
    private final ClientQueries clients;
    private final SnapshotQueries snapshots;
    private final IncidentQueries incidents;
    private final UserDirectory users;
    private final MessageSource messages;
    private final ScorecardSentences sentences;
    private final JsonMapper json;
    private final Clock clock;

    ClientScorecards(ScorecardQueries scorecards, ClientQueries clients, SnapshotQueries snapshots,
                     IncidentQueries incidents, UserDirectory users, MessageSource messages, JsonMapper json,
                     Clock clock, ScorecardSentences sentences) {
        this.sentences = sentences;
        this.clock = clock;
        this.scorecards = scorecards;
        this.clients = clients;
        this.snapshots = snapshots;
        this.incidents = incidents;
        this.users = users;
        this.messages = messages;
        this.json = json;
    }

    /**
     * The client's scorecard page for the month (its latest scored month when null), with chart
     * labels in the locale; empty when there is no such client.
     */
    public Optional<ClientScorecard> of(long clientId, YearMonth month, Locale locale) {
        Optional<ClientFacts> found = clients.byId(clientId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ClientFacts client = found.get();
        List<ScorePoint> history = scorecards.history(clientId);
        YearMonth shown = month != null ? month
                : history.isEmpty() ? null : history.get(history.size() - 1).month();
        ScorecardView card = shown == null ? null
                : sentences.in(scorecards.ofClient(clientId, shown).orElse(null), locale);
        List<YearMonth> months = history.stream().map(ScorePoint::month).sorted(Comparator.reverseOrder()).toList();
        String manager = client.accountManagerId() == null ? null
                : users.byId(client.accountManagerId()).map(u -> u.displayName()).orElse(null);

        YearMonth end = shown == null ? YearMonth.now(clock) : shown;
        YearMonth start = end.minusMonths(HISTORY_MONTHS - 1);
        List<ScorePoint> trend = history.stream()
                .filter(p -> !p.month().isBefore(start) && !p.month().isAfter(end)).toList();
        List<ClientScorecard.MetricMonth> metrics = new ArrayList<>();
        for (SnapshotFigures figures : snapshots.ofClient(clientId)) {
            if (!figures.month().isBefore(start) && !figures.month().isAfter(end)) {
                metrics.add(metricMonth(figures));
            }
        }
        List<IncidentFacts> incidentList = incidents.ofClients(List.of(clientId)).stream()
                .filter(i -> !YearMonth.from(i.occurredOn()).isAfter(end))
                .sorted(Comparator.comparing(IncidentFacts::occurredOn).reversed()).toList();

        BigDecimal points = card == null ? null : card.rules().stream().map(ScorecardView.RuleLine::points)
                .filter(p -> p != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new ClientScorecard(clientId, client.name(), shown, card, manager, months, points,
                card == null ? null : DashboardSummary.percent(card), trend, metrics, incidentList,
                trendJson(trend, locale), metricsJson(metrics, locale)));
    }

    private static ClientScorecard.MetricMonth metricMonth(SnapshotFigures figures) {
        Map<Metric, BigDecimal> v = figures.values();
        BigDecimal revenue = v.get(Metric.REVENUE);
        BigDecimal cost = v.get(Metric.DELIVERY_COST);
        BigDecimal margin = revenue == null || cost == null || revenue.signum() == 0 ? null
                : revenue.subtract(cost).divide(revenue, 4, RoundingMode.HALF_UP);
        return new ClientScorecard.MetricMonth(figures.month(), v.get(Metric.NEW_TICKETS),
                v.get(Metric.REOPENED_TICKETS), v.get(Metric.AVG_DAYS_TO_PAY), margin,
                v.get(Metric.RECOMMENDATIONS_MADE), v.get(Metric.RECOMMENDATIONS_IMPLEMENTED),
                v.get(Metric.RECOMMENDATIONS_IGNORED));
    }

    private String trendJson(List<ScorePoint> trend, Locale locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", trend.stream().map(p -> p.month().toString()).toList());
        data.put("scores", trend.stream().map(ScorePoint::score).toList());
        data.put("bands", scorecards.gradeBands());
        data.put("label", text("dashboard.scorecard.score", locale));
        return json.writeValueAsString(data);
    }

    private String metricsJson(List<ClientScorecard.MetricMonth> metrics, Locale locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", metrics.stream().map(m -> m.month().toString()).toList());
        data.put("tickets", List.of(
                series("dashboard.metrics.new_tickets", metrics, ClientScorecard.MetricMonth::newTickets, locale),
                series("dashboard.metrics.reopened_tickets", metrics, ClientScorecard.MetricMonth::reopenedTickets,
                        locale)));
        data.put("payment", List.of(
                series("dashboard.metrics.avg_days_to_pay", metrics, ClientScorecard.MetricMonth::avgDaysToPay,
                        locale)));
        data.put("margin", List.of(series("dashboard.metrics.margin", metrics,
                m -> m.margin() == null ? null : m.margin().movePointRight(2).setScale(1, RoundingMode.HALF_UP),
                locale)));
        data.put("recommendations", List.of(
                series("dashboard.metrics.recommendations_made", metrics,
                        ClientScorecard.MetricMonth::recommendationsMade, locale),
                series("dashboard.metrics.recommendations_implemented", metrics,
                        ClientScorecard.MetricMonth::recommendationsImplemented, locale),
                series("dashboard.metrics.recommendations_ignored", metrics,
                        ClientScorecard.MetricMonth::recommendationsIgnored, locale)));
        return json.writeValueAsString(data);
    }

    private Map<String, Object> series(String code, List<ClientScorecard.MetricMonth> metrics,
                                       Function<ClientScorecard.MetricMonth, BigDecimal> value, Locale locale) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("label", text(code, locale));
        series.put("data", metrics.stream().map(value).toList());
        return series;
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }
}
