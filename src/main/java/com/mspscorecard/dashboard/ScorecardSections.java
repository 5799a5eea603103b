package com.mspscorecard.dashboard;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.mspscorecard.database.ChangeMarks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The scorecard section of a client's page ({@value #FRAGMENT}), kept rendered until something it
 * shows changes.
 *
 * <p>Rendering it is most of a scorecard view's cost: two tables of two years by month, the rule
 * breakdown, the month selector, every number and date formatted for the reader (about 70 % of the
 * CPU of a view in the pages benchmark, issue 18), and its eight queries most of the database's part.
 * A scorecard is read far more often than its client's data changes. Before a kept section is
 * served, on every request, one fingerprint of the tables it shows is read from the change marks
 * every committed write leaves there ({@code database.ChangeMarks}; triggers in V34 and V37):
 * whoever wrote, this instance, another one on the same database, or somebody at a {@code psql}
 * prompt, the next view renders again. The fingerprint is read before the data, so a write committed
 * in between costs one more rendering, never a stale page.
 *
 * <p>A section is kept per client, asked month, current month (a page without a month shows the
 * latest), language and whether the reader is an owner (owners see the actions). It holds no
 * per-user data: its forms are plain GET forms without a CSRF token.
 */
@Component
class ScorecardSections {

    static final String FRAGMENT = "dashboard/scorecard :: scorecard";

    /** The tables the section shows rows of; each carries change marks (V34, V37). */
    private static final String[] SHOWN = {"app_user", "client", "client_score", "incident", "monthly_snapshot",
            "price_proposal", "scoring_model"};

    /** About 40 KB of text each: 256 sections are about 20 MB of heap. */
    private static final int KEPT = 256;

    record Key(long clientId, YearMonth asked, YearMonth today, Locale locale, boolean owner) {
    }

    record Section(String fingerprint, ClientScorecard scorecard, String html) {
    }

    private final ChangeMarks marks;

    private final Map<Key, Section> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Section> eldest) {
            return size() > KEPT;
        }
    };

    private final boolean keeping;

    /** @param keeping off only to measure what keeping is worth ({@code scorecard.pages.cache=false}) */
    ScorecardSections(ChangeMarks marks, @Value("${scorecard.pages.cache:true}") boolean keeping) {
        this.marks = marks;
        this.keeping = keeping;
    }

    /** What the shown tables hold now; read before the data a section is rendered from. */
    String fingerprint() {
        return marks.stamp(SHOWN);
    }

    Optional<Section> kept(Key key, String fingerprint) {
        if (!keeping) {
            return Optional.empty();
        }
        Section section;
        synchronized (kept) {
            section = kept.get(key);
        }
        return section != null && section.fingerprint().equals(fingerprint) ? Optional.of(section) : Optional.empty();
    }

    void keep(Key key, Section section) {
        if (!keeping) {
            return;
        }
        synchronized (kept) {
            kept.put(key, section);
        }
    }
}
