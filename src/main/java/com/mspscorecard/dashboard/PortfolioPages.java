package com.mspscorecard.dashboard;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.clients.ClientTermsChanged;
import com.mspscorecard.incidents.IncidentsChanged;
import com.mspscorecard.metrics.SnapshotsChanged;
import com.mspscorecard.scoring.PortfolioView;
import com.mspscorecard.scoring.ScorecardQueries;
import com.mspscorecard.scoring.ScoresRecomputed;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Builds {@link PortfolioPage}s and keeps the last few in memory.
 *
 * <p>Building one for 2,000 clients takes tens of milliseconds; the owner's pages are opened far
 * more often than scores change. Before a cached page is served, one cheap query (about a
 * millisecond at 2,000 clients, through the {@code client_score (model_version, month)} index)
 * fingerprints what it was built from, on every request: the active model version, the stored
 * scores of the month, the clients table and the snapshots of the revenue window, each as its row
 * count and the sum of its rows'
 * {@code xmin} (the transaction that wrote each row version). Any committed write to those rows
 * changes the sum, whoever made it: this instance, another instance on the same database, or
 * somebody at a {@code psql} prompt, and whether or not it set {@code updated_at}. Rescoring
 * deletes and re-inserts the rows it touches, so every snapshot, incident, poll, terms or model
 * change moves it. The fingerprint is read before the page is built, so a write committed in
 * between leaves a page newer than its fingerprint, which only costs one rebuild more. The first
 * and last scored months stand for the month selector.
 * Snapshot, incident and terms events of this instance also forget the cache at once.
 */
@Component
class PortfolioPages {

    private static final int KEPT = 24;

    private static final String FINGERPRINT = """
            with active as (select version from scoring_model where status = 'ACTIVE')
            select (select version from active)
                || '/' || (select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from client_score
                           where model_version = (select version from active) and month = ?)
                || '/' || (select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from client)
                || '/' || (select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from monthly_snapshot
                           where month between ? and ?)
                || '/' || (select coalesce(min(month)::text, '') || ':' || coalesce(max(month)::text, '')
                           from client_score where model_version = (select version from active))
            """;

    private record Cached(String fingerprint, PortfolioPage page) {
    }

    private final ScorecardQueries scorecards;
    private final ClientQueries clients;
    private final MoneyWindow money;
    private final JdbcTemplate jdbc;
    private final Map<YearMonth, Cached> cache = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<YearMonth, Cached> eldest) {
            return size() > KEPT;
        }
    };

    private final boolean caching;

    /** @param caching off only to measure what the cache is worth ({@code scorecard.pages.cache=false}) */
    PortfolioPages(ScorecardQueries scorecards, ClientQueries clients, MoneyWindow money, JdbcTemplate jdbc,
                   @Value("${scorecard.pages.cache:true}") boolean caching) {
        this.caching = caching;
        this.scorecards = scorecards;
        this.clients = clients;
        this.money = money;
        this.jdbc = jdbc;
    }

    Optional<YearMonth> latestMonth() {
        return scorecards.latestMonth();
    }

    PortfolioPage of(YearMonth month) {
        if (!caching) {
            return build(month);
        }
        Cached cached;
        synchronized (cache) {
            cached = cache.get(month);
        }
        String fingerprint = jdbc.queryForObject(FINGERPRINT, String.class, month.atDay(1),
                month.minusMonths(MoneyWindow.MONTHS - 1).atDay(1), month.atDay(1));
        PortfolioPage page = cached != null && cached.fingerprint().equals(fingerprint) ? cached.page() : build(month);
        synchronized (cache) {
            cache.put(month, new Cached(fingerprint, page));
        }
        return page;
    }

    /** A committed change this module hears about: the next page view rebuilds without comparing fingerprints. */
    @TransactionalEventListener
    void on(SnapshotsChanged event) {
        forgetAll();
    }

    @TransactionalEventListener
    void on(IncidentsChanged event) {
        forgetAll();
    }

    @TransactionalEventListener
    void on(ClientTermsChanged event) {
        forgetAll();
    }

    /** A full rescore or a model activation: after commit, so a concurrent view cannot re-cache the old scores. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ScoresRecomputed event) {
        forgetAll();
    }

    void forgetAll() {
        synchronized (cache) {
            cache.clear();
        }
    }

    private PortfolioPage build(YearMonth month) {
        List<ClientFacts> active = clients.active();
        Set<Long> activeIds = new HashSet<>();
        active.forEach(client -> activeIds.add(client.id()));
        PortfolioView view = scorecards.portfolio(month);
        MoneyWindow.Totals totals = money.endingAt(month, activeIds);
        return new PortfolioPage(view, totals, active.size(), scorecards.months(),
                DashboardSummary.of(view, totals));
    }
}
