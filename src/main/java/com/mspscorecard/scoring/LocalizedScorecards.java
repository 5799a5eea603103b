package com.mspscorecard.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.mspscorecard.scoring.engine.ClientHistory;
import com.mspscorecard.scoring.engine.Explanation;
import com.mspscorecard.scoring.engine.RuleResult;
import com.mspscorecard.scoring.engine.Scorecard;
import com.mspscorecard.scoring.engine.ScoringEngine;
import com.mspscorecard.scoring.engine.ScoringModel;
import com.mspscorecard.scoring.engine.TriggeredDealbreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One client's stored scorecard with its sentences in the reader's language, for pages. The
 * stored reasons keep only their English text, so the client-month is scored again (one client:
 * cheap) to get each sentence's numbers; a sentence is translated only when the fresh one reads
 * exactly as the stored one, otherwise its English stays. The JSON API does not use this.
 */
@Component
public class LocalizedScorecards {

    private static final Logger log = LoggerFactory.getLogger(LocalizedScorecards.class);

    private final ModelRows models;
    private final ScoringInputs inputs;
    private final ScoreStore store;
    private final ExplanationText text;

    LocalizedScorecards(ModelRows models, ScoringInputs inputs, ScoreStore store, ExplanationText text) {
        this.models = models;
        this.inputs = inputs;
        this.store = store;
        this.text = text;
    }

    /** The card with its reasons, dealbreakers and rule explanations in the locale; null stays null. */
    public ScorecardView localize(ScorecardView card, Locale locale) {
        if (card == null) {
            return null;
        }
        Scorecard fresh;
        try {
            fresh = rescore(card);
        } catch (RuntimeException e) {
            log.warn("Could not score client {} {} again to translate its sentences: {}", card.clientId(),
                    card.month(), e.toString());
            return card;
        }
        if (fresh == null) {
            return card;
        }
        List<Explanation> dealbreakers = new ArrayList<>();
        for (TriggeredDealbreaker dealbreaker : fresh.dealbreakers()) {
            dealbreakers.add(dealbreaker.reason());
        }
        List<ScorecardView.RuleLine> rules = new ArrayList<>(card.rules().size());
        List<RuleResult> results = fresh.rules();
        for (int i = 0; i < card.rules().size(); i++) {
            ScorecardView.RuleLine line = card.rules().get(i);
            Explanation explanation = i < results.size() ? results.get(i).explanation() : null;
            rules.add(explanation == null || !explanation.text().equals(line.explanation()) ? line
                    : new ScorecardView.RuleLine(line.rule(), line.category(), line.value(), line.subScore(),
                            line.weight(), line.points(), text.of(explanation, locale)));
        }
        return new ScorecardView(card.clientId(), card.clientName(), card.accountManagerId(), card.month(),
                card.modelVersion(), card.score(), card.grade(), card.categoryScores(), card.dataCompleteness(),
                card.recommendation(), sentences(card.reasons(), fresh.reasons(), locale),
                sentences(card.dealbreakers(), dealbreakers, locale), card.worsening(), card.scoreChange3m(),
                card.drain(), card.dependencyRisk(), card.suggestedMonthlyPrice(), card.currentMonthlyRevenue(),
                card.revenueShare(), rules);
    }

    private List<ScorecardView.Reason> sentences(List<ScorecardView.Reason> stored, List<Explanation> fresh,
                                                 Locale locale) {
        List<ScorecardView.Reason> out = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            ScorecardView.Reason reason = stored.get(i);
            Explanation explanation = i < fresh.size() ? fresh.get(i) : null;
            out.add(explanation == null || !explanation.text().equals(reason.text()) ? reason
                    : new ScorecardView.Reason(reason.code(), text.of(explanation, locale)));
        }
        return out;
    }

    private Scorecard rescore(ScorecardView card) {
        ScoringModel model = models.model(card.modelVersion()).orElse(null);
        ClientHistory history = inputs.of(Set.of(card.clientId())).histories().get(card.clientId());
        if (model == null || history == null || !history.months().containsKey(card.month())) {
            return null;
        }
        Set<Long> ids = Set.of(card.clientId());
        ScoreStore.StoredPosition stored = store.positionsOfClients(model.version(), ids).stream()
                .filter(p -> p.month().equals(card.month())).findFirst().orElse(null);
        BigDecimal earlier = store.scores(model.version(), ids).getOrDefault(card.clientId(), Map.of())
                .get(card.month().minusMonths(3));
        return ScoringEngine.score(model, history, card.month(), stored == null ? null : stored.position(), earlier);
    }
}
