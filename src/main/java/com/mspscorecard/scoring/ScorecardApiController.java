package com.mspscorecard.scoring;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.mspscorecard.clients.ClientQueries;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Scorecards over the JSON API, with the field names of the product specification (§5). */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
class ScorecardApiController {

    private static final java.util.regex.Pattern MONTH = java.util.regex.Pattern.compile("\\d{4}-\\d{2}");

    private final ScorecardQueries scorecards;
    private final ClientQueries clients;
    private final ScoringService scoring;
    private final ScorecardSentences sentences;

    ScorecardApiController(ScorecardQueries scorecards, ClientQueries clients, ScoringService scoring,
                           ScorecardSentences sentences) {
        this.scorecards = scorecards;
        this.sentences = sentences;
        this.clients = clients;
        this.scoring = scoring;
    }

    @GetMapping("/scorecards")
    List<ScorecardJson> all(@RequestParam(required = false) String month) {
        YearMonth wanted = month == null ? scorecards.latestMonth().orElse(null) : month(month);
        if (wanted == null) {
            return List.of();
        }
        return scorecards.portfolio(wanted).scorecards().stream().map(this::english).map(ScorecardJson::of).toList();
    }

    @GetMapping("/clients/{id}/scorecard")
    ScorecardJson ofClient(@PathVariable long id, @RequestParam(required = false) String month) {
        YearMonth wanted = month == null ? null : month(month);
        requireClient(id);
        return (wanted == null ? scorecards.latestOfClient(id) : scorecards.ofClient(id, wanted))
                .map(this::english)
                .map(ScorecardJson::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No scorecard for this client" + (wanted == null ? "" : " in " + wanted)));
    }

    @GetMapping("/clients/{id}/scores")
    List<ScoreJson> history(@PathVariable long id) {
        requireClient(id);
        return scorecards.history(id).stream().map(ScoreJson::of).toList();
    }

    /** Rescores everything under the active model and says how long it took (for benchmarks and repairs). */
    @PostMapping("/scoring/rescore")
    @PreAuthorize("hasRole('OWNER')")
    ScoringService.RescoreSummary rescore() {
        return scoring.rescoreAll();
    }

    /** The API speaks English, written from the same bundle as the pages. */
    private ScorecardView english(ScorecardView card) {
        return sentences.in(card, Locale.ENGLISH);
    }

    private void requireClient(long id) {
        if (clients.byId(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No client with id " + id);
        }
    }

    static YearMonth month(String text) {
        try {
            if (MONTH.matcher(text).matches()) {
                return YearMonth.parse(text);
            }
        }
        catch (DateTimeParseException e) {
            // falls through to the same answer as any other malformed month
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "month must be YYYY-MM, e.g. 2026-03");
    }

    /** §5 scorecard; {@code rules} only in the single-client form. */
    @JsonInclude(value = JsonInclude.Include.ALWAYS)
    record ScorecardJson(long clientId, String clientName, String month, int modelVersion, BigDecimal score,
                         String grade, Map<String, BigDecimal> categoryScores, String recommendation,
                         List<String> reasons, List<String> dealbreakers, boolean worsening,
                         @JsonProperty("score_change_3m") BigDecimal scoreChange3m, boolean dependencyRisk,
                         BigDecimal suggestedMonthlyPrice, BigDecimal dataCompleteness,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<RuleJson> rules) {

        static ScorecardJson of(ScorecardView card) {
            return new ScorecardJson(card.clientId(), card.clientName(), card.month().toString(), card.modelVersion(),
                    card.score(), card.grade(), card.categoryScores(), card.recommendation(),
                    card.reasons().stream().map(ScorecardView.Reason::text).toList(),
                    card.dealbreakers().stream().map(ScorecardView.Reason::key).toList(), card.worsening(),
                    card.scoreChange3m(), card.dependencyRisk(), card.suggestedMonthlyPrice(), card.dataCompleteness(),
                    card.rules().isEmpty() ? null : card.rules().stream().map(RuleJson::of).toList());
        }
    }

    record RuleJson(String rule, String category, BigDecimal value, BigDecimal subScore, int weight,
                    BigDecimal points, String explanation) {

        static RuleJson of(ScorecardView.RuleLine line) {
            return new RuleJson(line.rule(), line.category(), line.value(), line.subScore(), line.weight(),
                    line.points(), line.explanation().text());
        }
    }

    record ScoreJson(String month, int modelVersion, BigDecimal score, String grade,
                     Map<String, BigDecimal> categoryScores, String recommendation, boolean worsening,
                     @JsonProperty("score_change_3m") BigDecimal scoreChange3m, BigDecimal dataCompleteness) {

        static ScoreJson of(ScorePoint point) {
            return new ScoreJson(point.month().toString(), point.modelVersion(), point.score(), point.grade(),
                    point.categoryScores(), point.recommendation(), point.worsening(), point.scoreChange3m(),
                    point.dataCompleteness());
        }
    }
}
