package com.mspscorecard.scoring;

import com.mspscorecard.scoring.internal.ModelRows;
import com.mspscorecard.scoring.internal.MonthlyPortfolios;
import com.mspscorecard.scoring.internal.StoredScorecards;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.scoring.engine.Category;
import com.mspscorecard.scoring.engine.ParetoPoint;
import com.mspscorecard.scoring.engine.Portfolio;
import com.mspscorecard.scoring.engine.RuleResult;
import com.mspscorecard.scoring.engine.ScoringEngine;
import com.mspscorecard.scoring.engine.ScoringModel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored scorecards for pages and the API, a fixed handful of queries per call whatever the number
 * of clients. Without a version argument everything is read under the active model. Role checks
 * (owner and account managers only) belong to the caller.
 */
@Service
@Transactional(readOnly = true)
public class ScorecardQueries {

    private static final String COLUMNS = StoredScorecards.COLUMNS;

    private final JdbcTemplate jdbc;
    private final ClientQueries clients;
    private final ModelRows models;
    private final MonthlyPortfolios portfolios;

    private final com.mspscorecard.clients.ClientStatuses statuses;

    ScorecardQueries(JdbcTemplate jdbc, ClientQueries clients, ModelRows models, MonthlyPortfolios portfolios,
                     com.mspscorecard.clients.ClientStatuses statuses) {
        this.statuses = statuses;
        this.jdbc = jdbc;
        this.clients = clients;
        this.models = models;
        this.portfolios = portfolios;
    }

    /**
     * The lowest score of each grade under the active model, "A" to "D" in that order (anything
     * below D is F): what charts shade behind a score.
     */
    public Map<String, BigDecimal> gradeBands() {
        var bands = models.active().gradeBands();
        Map<String, BigDecimal> lowest = new LinkedHashMap<>();
        lowest.put("A", bands.a());
        lowest.put("B", bands.b());
        lowest.put("C", bands.c());
        lowest.put("D", bands.d());
        return lowest;
    }

    /** The latest month with a stored scorecard under the active model. */
    public Optional<YearMonth> latestMonth() {
        LocalDate latest = jdbc.queryForObject("""
                select max(month) from client_score
                where model_version = (select version from scoring_model where status = 'ACTIVE')""", LocalDate.class);
        return Optional.ofNullable(latest).map(YearMonth::from);
    }

    /** Months with stored scorecards under the active model, newest first. */
    public List<YearMonth> months() {
        return jdbc.query("""
                select distinct month from client_score
                where model_version = (select version from scoring_model where status = 'ACTIVE')
                order by month desc""", (rs, n) -> YearMonth.from(rs.getObject(1, LocalDate.class)));
    }

    /**
     * Each client's recommendation for the month under the active model, by client id: one indexed
     * read, for pages that need only the verdicts (building {@link #portfolio} for that costs the
     * whole portfolio and its Pareto numbers, about 80 ms at 2,000 clients).
     */
    public Map<Long, String> recommendations(YearMonth month) {
        Map<Long, String> verdicts = new java.util.HashMap<>();
        jdbc.query("""
                select client_id, recommendation from client_score
                where model_version = (select version from scoring_model where status = 'ACTIVE') and month = ?""",
                rs -> {
                    verdicts.put(rs.getLong(1), rs.getString(2));
                }, month.atDay(1));
        return verdicts;
    }

    /** Every active client's scorecard for the month under the active model, with the Pareto numbers. */
    public PortfolioView portfolio(YearMonth month) {
        return portfolio(month, models.activeVersion());
    }

    /** The same under any stored model version. */
    public PortfolioView portfolio(YearMonth month, int modelVersion) {
        Map<Long, ClientFacts> active = new LinkedHashMap<>();
        // ISSUE-16 status over time: the clients that counted in that month, not those active today.
        var membership = statuses.membership();
        for (ClientFacts client : clients.all()) {
            if (membership.counts(client.id(), month)) {
                active.put(client.id(), client);
            }
        }
        List<ScorecardView> cards = new ArrayList<>();
        for (ScorecardView card : jdbc.query(COLUMNS + " from client_score where model_version = ? and month = ?",
                (rs, n) -> StoredScorecards.view(rs, List.of()), modelVersion, month.atDay(1))) {
            ClientFacts client = active.get(card.clientId());
            if (client != null) {
                cards.add(named(card, client));
            }
        }
        cards.sort(Comparator.comparing((ScorecardView c) -> c.clientName().toLowerCase(java.util.Locale.ROOT)));
        ScoringModel model = models.model(modelVersion).orElseThrow();
        return new PortfolioView(month, modelVersion, cards, pareto(model, month, active));
    }

    /** One client's scorecard with its rule breakdown, under the active model. */
    public Optional<ScorecardView> ofClient(long clientId, YearMonth month) {
        return ofClient(clientId, month, models.activeVersion());
    }

    public Optional<ScorecardView> ofClient(long clientId, YearMonth month, int modelVersion) {
        return card(clientId, " and month = ?", modelVersion, month.atDay(1));
    }

    /** The client's most recent scorecard under the active model, with its rule breakdown. */
    public Optional<ScorecardView> latestOfClient(long clientId) {
        return card(clientId, " order by month desc limit 1", models.activeVersion());
    }

    /** The client's scores by month, oldest first, under the active model. */
    public List<ScorePoint> history(long clientId) {
        return history(clientId, models.activeVersion());
    }

    public List<ScorePoint> history(long clientId, int modelVersion) {
        return jdbc.query("""
                        select month, model_version, score, grade, payment, service_load, relationship, security,
                               profitability, data_completeness, recommendation, worsening, score_change_3m
                        from client_score where model_version = ? and client_id = ? order by month""",
                (rs, n) -> new ScorePoint(YearMonth.from(rs.getObject("month", LocalDate.class)),
                        rs.getInt("model_version"),
                        StoredScorecards.verdict(rs.getString("grade"), rs.getBigDecimal("score")), rs.getString("grade"),
                        StoredScorecards.categories(rs), rs.getBigDecimal("data_completeness"), rs.getString("recommendation"),
                        rs.getBoolean("worsening"),
                        StoredScorecards.verdict(rs.getString("grade"), rs.getBigDecimal("score_change_3m"))),
                modelVersion, clientId);
    }

    private Optional<ScorecardView> card(long clientId, String where, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = args[0];
        all[1] = clientId;
        System.arraycopy(args, 1, all, 2, args.length - 1);
        // The client's first scored month is the first month of its figures: a window longer than
        // the history says how many months it covers.
        List<ScorecardView> found = jdbc.query(COLUMNS + ", rule_breakdown, staff_poll_closed_on, "
                + "(select min(f.month) from client_score f where f.model_version = client_score.model_version "
                + "and f.client_id = client_score.client_id) as first_month "
                + "from client_score where model_version = ? and client_id = ?" + where,
                (rs, n) -> StoredScorecards.view(rs, StoredScorecards.rules(rs, models.model(rs.getInt("model_version")).orElseThrow())), all);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return clients.byId(clientId).map(client -> named(found.get(0), client));
    }

    private PortfolioView.Pareto pareto(ScoringModel model, YearMonth month, Map<Long, ClientFacts> active) {
        Portfolio portfolio = portfolios.of(List.of(month)).get(month);
        if (portfolio == null || portfolio.size() == 0) {
            return PortfolioView.Pareto.empty();
        }
        List<PortfolioView.ScatterPoint> scatter = new ArrayList<>();
        portfolio.positions().forEach((id, position) -> scatter.add(new PortfolioView.ScatterPoint(id,
                name(active, id), position.revenueShare(), position.effortShare(),
                position.isDrain(model.drainRevenueTopPercent(), model.drainEffortTopPercent()),
                position.isDependencyRisk(model.dependencyShare()))));
        return new PortfolioView.Pareto(portfolio.size(), portfolio.revenueShareOfTop(20),
                portfolio.effortShareOfTop(20), curve(portfolio.revenueCurve(), active),
                curve(portfolio.effortCurve(), active), scatter);
    }

    private static List<PortfolioView.CurvePoint> curve(List<ParetoPoint> points, Map<Long, ClientFacts> active) {
        List<PortfolioView.CurvePoint> curve = new ArrayList<>(points.size());
        for (ParetoPoint p : points) {
            curve.add(new PortfolioView.CurvePoint(p.clientId(), name(active, p.clientId()), p.rank(), p.clientShare(),
                    p.share(), p.cumulativeShare()));
        }
        return curve;
    }

    private static String name(Map<Long, ClientFacts> clients, long id) {
        ClientFacts client = clients.get(id);
        return client == null ? "#" + id : client.name();
    }

    private static ScorecardView named(ScorecardView card, ClientFacts client) {
        return new ScorecardView(card.clientId(), client.name(), client.accountManagerId(), card.month(),
                card.modelVersion(), card.score(), card.grade(), card.categoryScores(), card.dataCompleteness(),
                card.recommendation(), card.reasons(), card.dealbreakers(), card.worsening(), card.scoreChange3m(),
                card.drain(), card.dependencyRisk(), card.suggestedMonthlyPrice(), card.currentMonthlyRevenue(),
                card.revenueShare(), card.rules());
    }
}
