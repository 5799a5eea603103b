package com.mspscorecard.dashboard;

import com.mspscorecard.database.ChangeMarks;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.clients.ClientTermsChanged;
import com.mspscorecard.contracts.ContractDeadlines;
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
 * more often than scores change. Before a cached page is served, on every request, one fingerprint
 * of the tables it was built from is read from the {@code change_mark} rows every committed write
 * leaves (see {@code database.ChangeMarks}; triggers in V34 and V37), whoever made it: this instance,
 * another instance on the same database, or somebody at a {@code psql} prompt. One query for all
 * of them; the monthly figures are among them since revenue and margin come from them, and a figure
 * written straight into the database rescores nothing. The fingerprint is read before the page is
 * built, so a write committed in between costs one rebuild more, never a stale page. Snapshot,
 * incident and terms events of this instance also forget the cache at once.
 *
 * <p>The latest scored month and the notice-deadline card (which reads every client's contract and
 * the latest verdicts: about 10 ms of PostgreSQL at 2,000 clients) are kept under the same
 * fingerprint, the card also under the day it was computed for.
 */
@Component
class PortfolioPages {

    private static final int KEPT = 24;

    private record Cached(String fingerprint, PortfolioPage page) {
    }

    private record Latest(String fingerprint, Optional<YearMonth> month) {
    }

    private record Deadlines(String fingerprint, LocalDate today, List<ContractDeadlines.Row> rows) {
    }

    /** What one request reads, under the fingerprint read once at its start. */
    final class Current {

        private final String fingerprint;

        private Current(String fingerprint) {
            this.fingerprint = fingerprint;
        }

        Optional<YearMonth> latestMonth() {
            Latest known = latest;
            if (known != null && known.fingerprint().equals(fingerprint)) {
                return known.month();
            }
            Optional<YearMonth> month = scorecards.latestMonth();
            latest = new Latest(fingerprint, month);
            return month;
        }

        PortfolioPage page(YearMonth month) {
            Cached cached;
            synchronized (cache) {
                cached = cache.get(month);
            }
            if (cached != null && cached.fingerprint().equals(fingerprint)) {
                return cached.page();
            }
            PortfolioPage page = build(month);
            synchronized (cache) {
                cache.put(month, new Cached(fingerprint, page));
            }
            return page;
        }

        /** Notice deadlines of the next 90 days for the whole portfolio, flagged clients first. */
        List<ContractDeadlines.Row> deadlines() {
            LocalDate today = contracts.today();
            Deadlines known = deadlines;
            if (known != null && known.fingerprint().equals(fingerprint) && known.today().equals(today)) {
                return known.rows();
            }
            List<ContractDeadlines.Row> rows = contracts.upcoming(null);
            deadlines = new Deadlines(fingerprint, today, rows);
            return rows;
        }
    }

    /**
     * The tables a portfolio page is built from: clients (names, status, managers, contracts), their
     * scores and the models, and the monthly figures behind revenue and margin.
     */
    private static final String[] SHOWN = {"client", "client_score", "monthly_snapshot", "scoring_model"};

    private final ScorecardQueries scorecards;
    private final ClientQueries clients;
    private final ChangeMarks marks;
    private final MoneyWindow money;
    private final ContractDeadlines contracts;
    private final Map<YearMonth, Cached> cache = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<YearMonth, Cached> eldest) {
            return size() > KEPT;
        }
    };
    private volatile Latest latest;
    private volatile Deadlines deadlines;

    private final boolean caching;
    private final AtomicLong uncached = new AtomicLong();

    /** @param caching off only to measure what the cache is worth ({@code scorecard.pages.cache=false}) */
    PortfolioPages(ScorecardQueries scorecards, ClientQueries clients, ChangeMarks marks, MoneyWindow money,
                   ContractDeadlines contracts, @Value("${scorecard.pages.cache:true}") boolean caching) {
        this.marks = marks;
        this.caching = caching;
        this.scorecards = scorecards;
        this.clients = clients;
        this.money = money;
        this.contracts = contracts;
    }

    /** Reads the fingerprint once; everything the request then asks of the result is built from it. */
    Current current() {
        if (!caching) {
            return new Current("uncached-" + uncached.incrementAndGet());
        }
        return new Current(marks.stamp(SHOWN));
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
        latest = null;
        deadlines = null;
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
