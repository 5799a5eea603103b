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
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Builds {@link PortfolioPage}s and keeps the last few in memory.
 *
 * <p>Building one for 2,000 clients takes tens of milliseconds; the owner's pages are opened far
 * more often than scores change. Before a cached page is served, on every request, two cheap queries
 * fingerprint what it was built from, each asked of the module that owns the rows: scoring's
 * {@link ScorecardQueries#stamp} (the active model and the month's stored scores, which every
 * snapshot, incident, poll, terms or model change rewrites) and clients' {@link ClientQueries#stamp}
 * (names, status and manager changes that do not rescore). Both are row counts and transaction ids
 * ({@code xmin}) of the rows, so any committed write changes them, whoever made it: this instance,
 * another instance on the same database, or somebody at a {@code psql} prompt. The fingerprint is
 * read before the page is built, so a write committed in between costs one rebuild more, never a
 * stale page. Snapshot, incident and terms events of this instance also forget the cache at once.
 */
@Component
class PortfolioPages {

    private static final int KEPT = 24;

    private record Cached(String fingerprint, PortfolioPage page) {
    }

    private final ScorecardQueries scorecards;
    private final ClientQueries clients;
    private final MoneyWindow money;
    private final Map<YearMonth, Cached> cache = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<YearMonth, Cached> eldest) {
            return size() > KEPT;
        }
    };

    private final boolean caching;

    /** @param caching off only to measure what the cache is worth ({@code scorecard.pages.cache=false}) */
    PortfolioPages(ScorecardQueries scorecards, ClientQueries clients, MoneyWindow money,
                   @Value("${scorecard.pages.cache:true}") boolean caching) {
        this.caching = caching;
        this.scorecards = scorecards;
        this.clients = clients;
        this.money = money;
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
        String fingerprint = scorecards.stamp(month) + '/' + clients.stamp();
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
