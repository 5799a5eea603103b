package com.mspscorecard.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.mspscorecard.scoring.engine.Rules;
import org.springframework.stereotype.Component;

/**
 * A stored scorecard's sentences written in the reader's language from the message bundles: the
 * pages in the user's locale, the JSON API in English. Reads no table and runs no scoring: a
 * scorecard keeps its sentences as codes and arguments.
 */
@Component
public class ScorecardSentences {

    private final ExplanationText text;

    ScorecardSentences(ExplanationText text) {
        this.text = text;
    }

    /** The card with every reason, dealbreaker, rule explanation and rule value written in the locale; null stays null. */
    public ScorecardView in(ScorecardView card, Locale locale) {
        if (card == null) {
            return null;
        }
        List<ScorecardView.RuleLine> rules = new ArrayList<>(card.rules().size());
        for (ScorecardView.RuleLine line : card.rules()) {
            String value = line.value() == null ? null : Rules.byKey(line.rule())
                    .map(rule -> ExplanationText.value(rule.quantity(), line.value(), locale)).orElse(null);
            rules.add(new ScorecardView.RuleLine(line.rule(), line.category(), line.value(), line.subScore(),
                    line.weight(), line.points(), written(line.explanation(), locale), value));
        }
        return new ScorecardView(card.clientId(), card.clientName(), card.accountManagerId(), card.month(),
                card.modelVersion(), card.score(), card.grade(), card.categoryScores(), card.dataCompleteness(),
                card.recommendation(), written(card.reasons(), locale), written(card.dealbreakers(), locale),
                card.worsening(), card.scoreChange3m(), card.drain(), card.dependencyRisk(),
                card.suggestedMonthlyPrice(), card.currentMonthlyRevenue(), card.revenueShare(), rules);
    }

    private List<ScorecardView.Reason> written(List<ScorecardView.Reason> reasons, Locale locale) {
        List<ScorecardView.Reason> out = new ArrayList<>(reasons.size());
        for (ScorecardView.Reason reason : reasons) {
            out.add(written(reason, locale));
        }
        return out;
    }

    private ScorecardView.Reason written(ScorecardView.Reason reason, Locale locale) {
        return reason.withText(text.of(reason.code(), reason.args(), locale));
    }
}
