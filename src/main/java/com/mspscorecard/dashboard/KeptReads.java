package com.mspscorecard.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.mspscorecard.database.ChangeMarks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a client's scorecard page ({@link ClientScorecardController}) and a page of the scored clients
 * list ({@link ScorecardsController}) read, kept until something they show changes: eight queries and the
 * sentences in the reader's language for a scorecard, filtering and sorting the portfolio for a list page.
 * The page itself is rendered on every view, its user data escaped as every page's is.
 *
 * <p>Before kept data is used, on every request, one fingerprint of the tables it was read from is read
 * from the change marks every committed write leaves there ({@code database.ChangeMarks}; triggers in V34
 * and V37): whoever wrote, this instance, another one on the same database, or somebody at a {@code psql}
 * prompt, the next view reads again. The fingerprint is read before the data, so a write committed in
 * between costs one more read, never a stale page. A key holds everything else the data depends on (the
 * page's parameters, the language, the current month where "latest" depends on it).
 */
@Component
class KeptReads {

    /** A scorecard's data is a few tens of KB, a list page's rows less. */
    private static final int KEPT = 256;

    private record Kept(String fingerprint, Object value) {
    }

    private final ChangeMarks marks;

    private final boolean keeping;

    private final Map<Object, Kept> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Kept> eldest) {
            return size() > KEPT;
        }
    };

    /** @param keeping off only to measure what keeping is worth ({@code scorecard.pages.cache=false}) */
    KeptReads(ChangeMarks marks, @Value("${scorecard.pages.cache:true}") boolean keeping) {
        this.marks = marks;
        this.keeping = keeping;
    }

    /** What the given tables hold now; read before the data kept under it. */
    String fingerprint(String... shownTables) {
        return marks.stamp(shownTables);
    }

    /** The value kept under the key, if it was read from data with this fingerprint. */
    @SuppressWarnings("unchecked")
    <T> Optional<T> kept(Object key, String fingerprint) {
        if (!keeping) {
            return Optional.empty();
        }
        Kept found;
        synchronized (kept) {
            found = kept.get(key);
        }
        return found != null && found.fingerprint().equals(fingerprint) ? Optional.of((T) found.value())
                : Optional.empty();
    }

    void keep(Object key, String fingerprint, Object value) {
        if (!keeping) {
            return;
        }
        synchronized (kept) {
            kept.put(key, new Kept(fingerprint, value));
        }
    }
}
