package com.mspscorecard.scoring.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mspscorecard.scoring.engine.Category;
import com.mspscorecard.scoring.engine.DealbreakerSettings;
import com.mspscorecard.scoring.engine.GradeBands;
import com.mspscorecard.scoring.engine.RuleSettings;
import com.mspscorecard.scoring.engine.ScoringModel;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scoring model as the JSON stored in {@code scoring_model.definition}. Written by hand rather
 * than by reflection so that renaming a Java field can never silently change stored models.
 */
public final class ModelCodec {

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ModelCodec() {
    }

    public static ScoringModel read(int version, String definition) {
        JsonNode root = JSON.readTree(definition);
        List<RuleSettings> rules = new ArrayList<>();
        for (JsonNode rule : root.get("rules")) {
            rules.add(new RuleSettings(rule.get("key").asString(),
                    Category.byFieldName(rule.get("category").asString())
                            .orElseThrow(() -> new IllegalArgumentException("unknown category " + rule.get("category"))),
                    decimal(rule, "good"), decimal(rule, "bad"), rule.get("weight").asInt(),
                    rule.get("window_months").asInt(), rule.get("enabled").asBoolean()));
        }
        List<DealbreakerSettings> dealbreakers = new ArrayList<>();
        for (JsonNode dealbreaker : root.get("dealbreakers")) {
            Map<String, BigDecimal> thresholds = new TreeMap<>();
            dealbreaker.get("thresholds").properties()
                    .forEach(entry -> thresholds.put(entry.getKey(), entry.getValue().decimalValue()));
            dealbreakers.add(DealbreakerSettings.of(dealbreaker.get("key").asString(),
                    dealbreaker.get("enabled").asBoolean(), thresholds));
        }
        JsonNode bands = root.get("grade_bands");
        return new ScoringModel(version, rules, dealbreakers,
                new GradeBands(decimal(bands, "a"), decimal(bands, "b"), decimal(bands, "c"), decimal(bands, "d")),
                decimal(root, "minimum_completeness"), decimal(root, "worsening_points"),
                root.get("drain_revenue_top_percent").asInt(), root.get("drain_effort_top_percent").asInt(),
                decimal(root, "target_margin"), decimal(root, "dependency_share"));
    }

    public static String write(ScoringModel model) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode rules = root.putArray("rules");
        for (RuleSettings rule : model.rules()) {
            rules.addObject()
                    .put("key", rule.key())
                    .put("category", rule.category().fieldName())
                    .put("good", rule.good())
                    .put("bad", rule.bad())
                    .put("weight", rule.weight())
                    .put("window_months", rule.windowMonths())
                    .put("enabled", rule.enabled());
        }
        ArrayNode dealbreakers = root.putArray("dealbreakers");
        for (DealbreakerSettings dealbreaker : model.dealbreakers()) {
            ObjectNode node = dealbreakers.addObject().put("key", dealbreaker.key()).put("enabled", dealbreaker.enabled());
            ObjectNode thresholds = node.putObject("thresholds");
            dealbreaker.thresholds().byName().forEach(thresholds::put);
        }
        root.putObject("grade_bands")
                .put("a", model.gradeBands().a())
                .put("b", model.gradeBands().b())
                .put("c", model.gradeBands().c())
                .put("d", model.gradeBands().d());
        root.put("minimum_completeness", model.minimumCompleteness());
        root.put("worsening_points", model.worseningPoints());
        root.put("drain_revenue_top_percent", model.drainRevenueTopPercent());
        root.put("drain_effort_top_percent", model.drainEffortTopPercent());
        root.put("target_margin", model.targetMargin());
        root.put("dependency_share", model.dependencyShare());
        return JSON.writeValueAsString(root);
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("model definition lacks a number for " + field);
        }
        return value.decimalValue();
    }
}
