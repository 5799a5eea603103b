package com.mspscorecard.scoring;

import java.util.Set;

/**
 * The stored scorecards of these clients were just computed again (an edit, an incident, a small
 * import), published inside the rescoring transaction. A full rescore publishes
 * {@link ScoresRecomputed} instead. Listeners in the same transaction see the new scores; a
 * rollback takes back whatever they wrote with it.
 */
public record ScorecardsChanged(Set<Long> clientIds) {

    public ScorecardsChanged {
        clientIds = Set.copyOf(clientIds);
    }
}
