package com.mspscorecard.scoring.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.mspscorecard.database.CopyLine;
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
        CopyLine text = new CopyLine(rows.size() * 480);
        for (ScoredMonth row : rows) {
            line(text, version, row);
        }
        return text.toByteArray();
    }

    /** One row in COPY's text format: tab-separated, {@code \N} for null. */
    static void line(CopyLine out, int version, ScoredMonth scored) {
        Scorecard card = scored.card();
        PortfolioPosition position = scored.position();
        out.integer(version).tab().integer(card.clientId()).tab().month(card.month());
        number(out, card.score());
        out.tab();
        if (card.grade() == null) {
            out.nullValue();
        } else {
            out.text(card.grade().name());
        }
        for (Category category : CATEGORIES) {
            number(out, card.categoryScores().get(category));
        }
        number(out, card.completeness());
        out.tab().text(card.recommendation().name());
        out.tab().bool(card.worsening());
        number(out, card.scoreChange3m());
        out.tab().bool(card.drain());
        out.tab().bool(card.dependencyRisk());
        number(out, card.suggestedMonthlyPrice());
        number(out, card.currentMonthlyRevenue());
        number(out, position == null ? null : position.revenueShare());
        number(out, position == null ? null : position.effortShare());
        integer(out, position == null ? null : position.revenueRank());
        integer(out, position == null ? null : position.effortRank());
        integer(out, position == null ? null : position.clientCount());
        List<RuleResult> rules = card.rules();
        LocalDate pollClosedOn = null;
        out.tab();
        for (int i = 0; i < rules.size(); i++) {
            RuleResult rule = rules.get(i);
            if (i > 0) {
                out.text(",");
            }
            if (rule.hasData()) {
                out.decimal(rule.value()).text(":").decimal(rule.subScore());
            }
            if (rule.pollClosedOn() != null) {
                pollClosedOn = rule.pollClosedOn();
            }
        }
        out.tab();
        if (pollClosedOn == null) {
            out.nullValue();
        } else {
            out.date(pollClosedOn);
        }
        // The reasons as "code arg arg;code arg": codes and arguments hold no space, ';', tab or
        // backslash (Explanation refuses them), so nothing needs escaping for COPY.
        out.tab();
        List<Explanation> reasons = card.reasons();
        for (int i = 0; i < reasons.size(); i++) {
            if (i > 0) {
                out.text(";");
            }
            Explanation reason = reasons.get(i);
            out.text(reason.code());
            for (String arg : reason.args()) {
                out.text(" ").text(arg);
            }
        }
        out.newline();
    }

    /** A tab, then the number or {@code \N}. */
    private static void number(CopyLine out, BigDecimal value) {
        out.tab();
        if (value == null) {
            out.nullValue();
        } else {
            out.decimal(value);
        }
    }

    private static void integer(CopyLine out, Integer value) {
        out.tab();
        if (value == null) {
            out.nullValue();
        } else {
            out.integer(value);
        }
    }
}
