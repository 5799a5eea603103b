package com.mspscorecard.scoring.internal;

import com.mspscorecard.scoring.ScoringService;
import java.util.List;
import java.util.Set;

import com.mspscorecard.clients.ClientTermsChanged;
import com.mspscorecard.incidents.IncidentsChanged;
import com.mspscorecard.metrics.SnapshotsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rescoring as part of the change itself: these listeners run synchronously inside the writer's
 * transaction, so a change and the scores it causes commit or roll back together.
 */
@Component
class ScoringListeners {

    private final ScoringService scoring;

    ScoringListeners(ScoringService scoring) {
        this.scoring = scoring;
    }

    @EventListener
    void on(SnapshotsChanged event) {
        scoring.rescoreClients(event.clientIds(), event.months(), false);
    }

    @EventListener
    void on(IncidentsChanged event) {
        scoring.rescoreClients(Set.of(event.clientId()), List.of(), false);
    }

    /** Status decides membership of the portfolio; endpoints and terms change the client's own scores. */
    /** A closed poll moves every client's staff vote rule: the shares are portfolio-wide. */
    @EventListener
    void on(com.mspscorecard.voting.PollClosed event) {
        scoring.rescoreAll();
    }

    @EventListener
    void on(ClientTermsChanged event) {
        scoring.rescoreClients(Set.of(event.clientId()), List.of(), true);
    }
}
