package com.mspscorecard.scoring.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import com.mspscorecard.scoring.engine.Category;
import com.mspscorecard.scoring.engine.Explanation;
import com.mspscorecard.scoring.engine.PortfolioPosition;
import com.mspscorecard.scoring.engine.RuleResult;
import com.mspscorecard.scoring.engine.Scorecard;

/**
 * A scorecard as one row of {@code client_score} in COPY's text format, the columns in the order of
 * {@code ScoreStore}'s column list: numbers, codes and arguments, never a sentence.
 */
final class ScorecardRows {

    private static final Category[] CATEGORIES = Category.values();

    private ScorecardRows() {
    }

    /** Rows in COPY's text format, UTF-8; safe to call on any thread. */
    static byte[] copyText(int version, List<ScoredMonth> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 640);
        for (ScoredMonth row : rows) {
            line(text, version, row);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }


    /** One row in COPY's text format: tab-separated, {@code \N} for null. */
    static void line(StringBuilder out, int version, ScoredMonth scored) {
        Scorecard card = scored.card();
        PortfolioPosition position = scored.position();
        out.append(version).append('\t').append(card.clientId()).append('\t').append(card.month().atDay(1));
        CopyText.number(out, card.score());
        out.append('\t');
        if (card.grade() == null) {
            out.append("\\N");
        } else {
            out.append(card.grade().name());
        }
        for (Category category : CATEGORIES) {
            CopyText.number(out, card.categoryScores().get(category));
        }
        CopyText.number(out, card.completeness());
        out.append('\t').append(card.recommendation().name());
        CopyText.bool(out, card.worsening());
        CopyText.number(out, card.scoreChange3m());
        CopyText.bool(out, card.drain());
        CopyText.bool(out, card.dependencyRisk());
        CopyText.number(out, card.suggestedMonthlyPrice());
        CopyText.number(out, card.currentMonthlyRevenue());
        CopyText.number(out, position == null ? null : position.revenueShare());
        CopyText.number(out, position == null ? null : position.effortShare());
        CopyText.integer(out, position == null ? null : position.revenueRank());
        CopyText.integer(out, position == null ? null : position.effortRank());
        CopyText.integer(out, position == null ? null : position.clientCount());
        List<RuleResult> rules = card.rules();
        LocalDate pollClosedOn = null;
        out.append('\t');
        for (int i = 0; i < rules.size(); i++) {
            RuleResult rule = rules.get(i);
            if (i > 0) {
                out.append(',');
            }
            if (rule.hasData()) {
                CopyText.plain(out, rule.value());
                out.append(':');
                CopyText.plain(out, rule.subScore());
            }
            if (rule.pollClosedOn() != null) {
                pollClosedOn = rule.pollClosedOn();
            }
        }
        out.append('\t');
        if (pollClosedOn == null) {
            out.append("\\N");
        } else {
            out.append(pollClosedOn);
        }
        // The reasons as "code arg arg;code arg": codes and arguments hold no space, ';', tab or
        // backslash (Explanation refuses them), so nothing needs escaping for COPY.
        out.append('\t');
        List<Explanation> reasons = card.reasons();
        for (int i = 0; i < reasons.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            Explanation reason = reasons.get(i);
            out.append(reason.code());
            for (String arg : reason.args()) {
                out.append(' ').append(arg);
            }
        }
        out.append('\n');
    }
}
