package com.mspscorecard.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.mspscorecard.database.ChangeMarks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sections of the portfolio's pages kept rendered until something they show changes: a client's
 * scorecard ({@link ClientScorecardController}) and the scored clients table ({@link ScorecardsController}).
 *
 * <p>Rendering them is most of a view's cost: two years of a client's figures and scores month by month,
 * or a hundred clients' rows, every number and date formatted for the reader (70 to 90 % of the CPU of a
 * view in the pages benchmark, issue 18). They are read far more often than their data changes. Before a
 * kept section is served, on every request, one fingerprint of the tables it shows is read from the change
 * marks every committed write leaves there ({@code database.ChangeMarks}; triggers in V34 and V37): whoever
 * wrote, this instance, another one on the same database, or somebody at a {@code psql} prompt, the next
 * view renders again. The fingerprint is read before the data, so a write committed in between costs one
 * more rendering, never a stale page.
 *
 * <p>A section is kept under a key that holds everything else it depends on (the page's parameters, the
 * language, the reader's role where the section shows role-dependent actions, the current month where
 * "latest" depends on it). Sections hold no per-user data: their forms are GET forms without a CSRF token.
 */
@Component
class KeptSections {

    /** A scorecard section is about 40 KB of text, a table section about 60 KB: at most about 15 MB of heap. */
    private static final int KEPT = 256;

    /**
     * @param page what the rest of the page needs of the data the section was rendered from
     * @param html the section as the template engine rendered it
     */
    record Section<T>(String fingerprint, T page, String html) {
    }

    private final ChangeMarks marks;

    private final boolean keeping;

    private final Map<Object, Section<?>> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Section<?>> eldest) {
            return size() > KEPT;
        }
    };

    /** @param keeping off only to measure what keeping is worth ({@code scorecard.pages.cache=false}) */
    KeptSections(ChangeMarks marks, @Value("${scorecard.pages.cache:true}") boolean keeping) {
        this.marks = marks;
        this.keeping = keeping;
    }

    /** What the given tables hold now; read before the data a section is rendered from. */
    String fingerprint(String... shownTables) {
        return marks.stamp(shownTables);
    }

    /** The section kept under the key, if it was rendered from data with this fingerprint. */
    @SuppressWarnings("unchecked")
    <T> Optional<Section<T>> kept(Object key, String fingerprint) {
        if (!keeping) {
            return Optional.empty();
        }
        Section<?> section;
        synchronized (kept) {
            section = kept.get(key);
        }
        return section != null && section.fingerprint().equals(fingerprint)
                ? Optional.of((Section<T>) section) : Optional.empty();
    }

    void keep(Object key, Section<?> section) {
        if (!keeping) {
            return;
        }
        synchronized (kept) {
            kept.put(key, section);
        }
    }
}
