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
 * more often than scores change. Before a cached page is served, two cheap queries fingerprint what
 * it was built from: scoring's {@link ScorecardQueries#stamp} (the active model and the month's
 * stored scores, which move with every snapshot, incident, poll, terms or model change) and the
 * clients table (names, status and manager changes that do not rescore). A changed fingerprint
 * rebuilds the page. The scorecards are read only through scoring's API, never its tables.
 * The fingerprint itself is asked at most every two seconds per month (it reads 2,000 rows);
 * snapshot, incident and terms events forget the cache at once.
 * This also works across several application instances, which an in-process event would not.
 */
@Component
class PortfolioPages {

    private static final int KEPT = 24;

    private static final String CLIENTS_FINGERPRINT = """
            select count(*) || ':' || count(*) filter (where status = 'ACTIVE') || ':'
                   || coalesce(max(updated_at)::text, '') from client""";

    /** How long a cached page is served without asking the database whether it is still current. */
    static final long RECHECK_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(2);

    private record Cached(String fingerprint, PortfolioPage page, long checkedAt) {
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
        long now = System.nanoTime();
        if (cached != null && now - cached.checkedAt() < RECHECK_NANOS) {
            return cached.page();
        }
        String fingerprint = scorecards.stamp(month) + '/' + jdbc.queryForObject(CLIENTS_FINGERPRINT, String.class);
        PortfolioPage page = cached != null && cached.fingerprint().equals(fingerprint) ? cached.page() : build(month);
        synchronized (cache) {
            cache.put(month, new Cached(fingerprint, page, now));
        }
        return page;
    }

    /**
     * A committed change this module hears about: the next page view rebuilds at once instead of
     * waiting for the recheck. Changes without an event (a renamed client) show within {@link #RECHECK_NANOS}.
     */
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
