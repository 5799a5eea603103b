package com.mspscorecard.scoring;

import com.mspscorecard.scoring.internal.ModelRows;
import com.mspscorecard.scoring.internal.MonthlyPortfolios;
import com.mspscorecard.scoring.internal.ScoringInputs;
import com.mspscorecard.scoring.internal.ScoringInputs.Inputs;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.scoring.engine.ClientHistory;
import com.mspscorecard.scoring.engine.Portfolio;
import com.mspscorecard.scoring.engine.Scorecard;
import com.mspscorecard.scoring.engine.ScoringEngine;
import com.mspscorecard.scoring.engine.ScoringModel;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of the scoring model: read any, copy the active one into a draft, edit the draft,
 * preview its effect on every client, activate it. Activating rescores everything under the new
 * version; the scores of earlier versions stay stored and readable. Role checks belong to the
 * caller (editing and activating are for owners).
 */
@Service
@Transactional(readOnly = true)
public class ScoringModels {

    private final ModelRows rows;
    private final ScoringService scoring;
    private final ScoringInputs inputs;
    private final AuditTrail audit;
    private final MonthlyPortfolios portfolios;

    ScoringModels(ModelRows rows, ScoringService scoring, ScoringInputs inputs, AuditTrail audit,
                  MonthlyPortfolios portfolios) {
        this.portfolios = portfolios;
        this.rows = rows;
        this.scoring = scoring;
        this.inputs = inputs;
        this.audit = audit;
    }

    /** The model every stored current score is computed with. */
    public ScoringModel active() {
        return rows.active();
    }

    public Optional<ScoringModel> model(int version) {
        return rows.model(version);
    }

    /** Every version, newest first. */
    public List<ModelVersion> versions() {
        return rows.versions();
    }

    public Optional<ModelVersion> version(int version) {
        return rows.version(version);
    }

    /** The draft being edited, if any (there is at most one). */
    public Optional<ModelVersion> draft() {
        return rows.draft();
    }

    /** The existing draft, or a new one copied from the active model. */
    @Transactional
    public ScoringModel createDraft() {
        Optional<ModelVersion> existing = rows.draft();
        if (existing.isPresent()) {
            return rows.model(existing.get().version()).orElseThrow();
        }
        int version = rows.insertDraft(rows.active(), actor());
        audit.record(AuditEvent.of("MODEL_DRAFTED", "scoring_model", (long) version, "model.drafted", "" + version));
        return rows.model(version).orElseThrow();
    }

    /**
     * Replaces the settings of a draft; {@code draft.version()} names it.
     *
     * @throws IllegalStateException when that version is not a draft
     */
    @Transactional
    public void saveDraft(ScoringModel draft) {
        requireDraft(draft.version());
        rows.updateDefinition(draft);
        audit.record(AuditEvent.of("MODEL_EDITED", "scoring_model", (long) draft.version(), "model.edited",
                "" + draft.version()));
    }

    @Transactional
    public void discardDraft(int version) {
        requireDraft(version);
        rows.delete(version);
        audit.record(AuditEvent.of("MODEL_DISCARDED", "scoring_model", (long) version, "model.discarded", "" + version));
    }

    /** Each client's grade and recommendation for a month under the active model and a candidate. */
    public record PreviewLine(long clientId, String clientName, String gradeBefore, String recommendationBefore,
                              BigDecimal scoreBefore, String gradeAfter, String recommendationAfter,
                              BigDecimal scoreAfter) {

        public boolean changed() {
            return !java.util.Objects.equals(gradeBefore, gradeAfter)
                    || !java.util.Objects.equals(recommendationBefore, recommendationAfter);
        }
    }

    /**
     * What activating {@code candidate} would change for every active client in the latest month with
     * data, computed in memory (nothing is stored). Works for an unsaved model too.
     */
    public List<PreviewLine> preview(ScoringModel candidate) {
        ScoringModel current = rows.active();
        Inputs all = inputs.all();
        Optional<YearMonth> latest = all.histories().values().stream()
                .flatMap(h -> h.months().keySet().stream()).max(Comparator.naturalOrder());
        if (latest.isEmpty()) {
            return List.of();
        }
        YearMonth month = latest.get();
        Portfolio portfolio = portfolios.of(List.of(month)).get(month);
        List<PreviewLine> lines = new ArrayList<>();
        for (ClientFacts client : all.facts().values()) {
            ClientHistory history = all.histories().get(client.id());
            if (!client.active() || !history.months().containsKey(month)) {
                continue;
            }
            var position = portfolio == null ? null : portfolio.position(client.id()).orElse(null);
            Scorecard before = score(current, history, month, position);
            Scorecard after = score(candidate, history, month, position);
            lines.add(new PreviewLine(client.id(), client.name(), grade(before), before.recommendation().name(),
                    shownScore(before), grade(after), after.recommendation().name(), shownScore(after)));
        }
        return lines;
    }

    /** Preview of a stored version. */
    public List<PreviewLine> preview(int version) {
        return preview(rows.model(version).orElseThrow(() -> new IllegalArgumentException("no model version " + version)));
    }

    /**
     * Makes {@code version} the active model (the current one retires) and rescores every client
     * and month under it, in one transaction.
     */
    @Transactional
    public ScoringService.RescoreSummary activate(int version) {
        ModelVersion target = rows.lock(version)
                .orElseThrow(() -> new IllegalArgumentException("no model version " + version));
        if (target.active()) {
            throw new IllegalStateException("version " + version + " is already active");
        }
        rows.activate(version, actor());
        audit.record(AuditEvent.of("MODEL_ACTIVATED", "scoring_model", (long) version, "model.activated", "" + version));
        return scoring.rescoreAll(rows.active());
    }

    private static Scorecard score(ScoringModel model, ClientHistory history, YearMonth month,
                                   com.mspscorecard.scoring.engine.PortfolioPosition position) {
        // "Worsening" needs the score three months earlier under the same model.
        Scorecard earlier = history.months().containsKey(month.minusMonths(ScoringEngine.THREE_MONTHS))
                ? ScoringEngine.score(model, history, month.minusMonths(ScoringEngine.THREE_MONTHS), null, null) : null;
        return ScoringEngine.score(model, history, month, position, earlier == null ? null : earlier.score());
    }

    /** No score beside "insufficient data": without a grade the number is no verdict. */
    private static BigDecimal shownScore(Scorecard card) {
        return card.grade() == null ? null : card.score();
    }

    private static String grade(Scorecard card) {
        return card.grade() == null ? null : card.grade().name();
    }

    private void requireDraft(int version) {
        ModelVersion found = rows.lock(version)
                .orElseThrow(() -> new IllegalArgumentException("no model version " + version));
        if (!found.draft()) {
            throw new IllegalStateException("version " + version + " is not a draft");
        }
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? AuditTrail.SYSTEM : authentication.getName();
    }
}
