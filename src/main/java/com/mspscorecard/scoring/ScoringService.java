package com.mspscorecard.scoring;

import com.mspscorecard.scoring.internal.ModelRows;
import java.time.YearMonth;
import java.util.Collection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.mspscorecard.scoring.engine.ScoringModel;
import com.mspscorecard.scoring.internal.ChangedMonthsRescore;
import com.mspscorecard.scoring.internal.ClientRescore;
import com.mspscorecard.scoring.internal.FullRescore;
import com.mspscorecard.scoring.internal.ScoreStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the stored scorecards of the active model current. Everything runs in the caller's
 * transaction, so a failed rescoring rolls back the change that caused it: stored scores never
 * look current while they are not. The work itself is in {@code scoring.internal}:
 * {@link FullRescore} and {@link ClientRescore}.
 */
@Service
public class ScoringService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ScoringService.class);

    /**
     * More changed clients than this are rescored by the streaming paths, which score every client in
     * the months a change reached; fewer are compared client by client.
     */
    static final int FULL_RESCORE_ABOVE = 200;

    private final ModelRows models;
    private final ScoreStore store;
    private final FullRescore full;
    private final ClientRescore clients;
    private final ChangedMonthsRescore changedMonths;
    private final ApplicationEventPublisher events;

    ScoringService(ModelRows models, ScoreStore store, FullRescore full, ClientRescore clients,
                   ChangedMonthsRescore changedMonths, ApplicationEventPublisher events) {
        this.models = models;
        this.store = store;
        this.full = full;
        this.clients = clients;
        this.changedMonths = changedMonths;
        this.events = events;
    }

    /**
     * How much a full rescoring did and how long it took.
     *
     * @param breakdown where the time went (for the benchmark and the log; not part of the API's answer)
     */
    public record RescoreSummary(int modelVersion, int clients, int scorecards, long millis,
                                 @JsonIgnore String breakdown) {
    }

    /** Rescores every client and month under the active model (a poll closed, the daily rescore, the API). */
    @Transactional
    public RescoreSummary rescoreAll() {
        // Locked before the active model is read: a model activated meanwhile is then seen.
        store.lockForWriting();
        return rescoreAll(models.active());
    }

    @Transactional
    RescoreSummary rescoreAll(ScoringModel model) {
        store.lockForWriting();
        FullRescore.Done done = full.run(model);
        log.info("Rescored model version {}: {} clients, {} scorecards ({})", model.version(), done.clients(),
                done.scorecards(), done.breakdown());
        events.publishEvent(new ScoresRecomputed(model.version()));
        return new RescoreSummary(model.version(), done.clients(), done.scorecards(), done.millis(), done.breakdown());
    }

    /**
     * Rescores all months of the given clients after their inputs changed, and the other clients
     * whose drain or dependency-risk verdicts move because the portfolio of a month shifted.
     *
     * @param changedMonths months whose revenue or effort may have changed; empty when only
     *                      incidents or terms changed
     * @param everyMonth    true when the clients' membership of the portfolio may have changed (status)
     * @return where the time went (for the benchmark)
     */
    @Transactional
    public String rescoreClients(Collection<Long> clientIds, Collection<YearMonth> changedMonths, boolean everyMonth) {
        if (clientIds.isEmpty()) {
            return "no client";
        }
        long t0 = System.nanoTime();
        // Locked before anything is read, the active model included (see ScoreStore.lockForWriting).
        store.lockForWriting();
        ScoringModel model = models.active();
        if (clientIds.size() > FULL_RESCORE_ABOVE) {
            // A big import touches most of the portfolio: streaming is faster than comparing client by
            // client, and its memory stays bounded whatever the file's size. New figures are rescored
            // in the months they reach only; a change of status or terms reaches every month.
            if (everyMonth || changedMonths.isEmpty()) {
                return rescoreAll(model).breakdown();
            }
            FullRescore.Done done = this.changedMonths.run(model, java.util.Set.copyOf(clientIds), changedMonths);
            log.info("Rescored the months changed figures reach under model version {}: {} clients, {} scorecards ({})",
                    model.version(), done.clients(), done.scorecards(), done.breakdown());
            events.publishEvent(new ScoresRecomputed(model.version()));
            return done.breakdown();
        }
        long t1 = System.nanoTime();
        String breakdown = clients.run(model, clientIds, changedMonths, everyMonth);
        events.publishEvent(new ScorecardsChanged(java.util.Set.copyOf(clientIds)));
        return String.format("model %.1f ms, ", (t1 - t0) / 1e6) + breakdown;
    }
}
