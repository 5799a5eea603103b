package com.mspscorecard.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mspscorecard.scoring.engine.DealbreakerSettings;
import com.mspscorecard.scoring.engine.GradeBands;
import com.mspscorecard.scoring.engine.Quantity;
import com.mspscorecard.scoring.engine.RuleSettings;
import com.mspscorecard.scoring.engine.Rules;
import com.mspscorecard.scoring.engine.ScoringModel;
import org.springframework.validation.Errors;

/**
 * The draft editor's form: every setting of a model as the owner types it. Shares, ratios and
 * margins are percentages here (20 for 0.20); {@link #toModel} turns them back into the engine's
 * fractions. Mutable beans rather than records: the form is a list of nested rows, and indexed
 * binding with blank fields (reported as errors, not exceptions) is what JavaBean binding does best.
 */
class ModelForm {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private List<RuleRow> rules = new ArrayList<>();
    private List<DealbreakerRow> dealbreakers = new ArrayList<>();
    private BigDecimal gradeA;
    private BigDecimal gradeB;
    private BigDecimal gradeC;
    private BigDecimal gradeD;
    private BigDecimal minimumCompleteness;
    private BigDecimal worseningPoints;
    private Integer drainRevenueTopPercent;
    private Integer drainEffortTopPercent;
    private BigDecimal targetMargin;
    private BigDecimal dependencyShare;

    static ModelForm of(ScoringModel model) {
        ModelForm form = new ModelForm();
        for (RuleSettings rule : model.rules()) {
            RuleRow row = new RuleRow();
            row.key = rule.key();
            row.enabled = rule.enabled();
            row.good = toPercent(rule.good(), isPercent(rule.key()));
            row.bad = toPercent(rule.bad(), isPercent(rule.key()));
            row.weight = rule.weight();
            row.windowMonths = rule.windowMonths();
            form.rules.add(row);
        }
        for (DealbreakerSettings dealbreaker : model.dealbreakers()) {
            DealbreakerRow row = new DealbreakerRow();
            row.key = dealbreaker.key();
            row.enabled = dealbreaker.enabled();
            dealbreaker.thresholds().byName().forEach((name, value) -> {
                ThresholdRow threshold = new ThresholdRow();
                threshold.name = name;
                threshold.value = toPercent(value, isShare(name));
                row.thresholds.add(threshold);
            });
            form.dealbreakers.add(row);
        }
        form.gradeA = model.gradeBands().a();
        form.gradeB = model.gradeBands().b();
        form.gradeC = model.gradeBands().c();
        form.gradeD = model.gradeBands().d();
        form.minimumCompleteness = toPercent(model.minimumCompleteness(), true);
        form.worseningPoints = plain(model.worseningPoints());
        form.drainRevenueTopPercent = model.drainRevenueTopPercent();
        form.drainEffortTopPercent = model.drainEffortTopPercent();
        form.targetMargin = toPercent(model.targetMargin(), true);
        form.dependencyShare = toPercent(model.dependencyShare(), true);
        return form;
    }

    /**
     * The model these settings describe, or empty with every problem recorded in {@code errors}
     * beside its field. {@code base} is the draft being edited: it supplies the version, the rule
     * categories and which rules and dealbreakers exist.
     */
    Optional<ScoringModel> toModel(ScoringModel base, Errors errors) {
        ScoringModel defaults = ScoringModel.defaults();
        List<RuleSettings> ruleSettings = new ArrayList<>();
        int enabledWeight = 0;
        for (int i = 0; i < rules.size(); i++) {
            RuleRow row = rules.get(i);
            String path = "rules[" + i + "].";
            Optional<RuleSettings> known = base.rule(row.key);
            if (known.isEmpty()) {
                errors.reject("scoring.edit.error.unknown");
                continue;
            }
            boolean percent = isPercent(row.key);
            boolean fine = required(errors, path + "good", row.good) & required(errors, path + "bad", row.bad)
                    & required(errors, path + "weight", row.weight)
                    & required(errors, path + "windowMonths", row.windowMonths);
            if (row.weight != null && row.weight < 0) {
                errors.rejectValue(path + "weight", "scoring.edit.error.weight");
                fine = false;
            }
            if (row.windowMonths != null && (row.windowMonths < 1 || row.windowMonths > 36)) {
                errors.rejectValue(path + "windowMonths", "scoring.edit.error.window");
                fine = false;
            }
            if (percent) {
                fine &= percentRange(errors, path + "good", row.good) & percentRange(errors, path + "bad", row.bad);
            }
            if (row.good != null && row.bad != null) {
                if (row.good.signum() < 0 || row.bad.signum() < 0) {
                    errors.rejectValue(path + (row.good.signum() < 0 ? "good" : "bad"), "scoring.edit.error.negative");
                    fine = false;
                }
                // A rule where less is better stays so (late payments), and more-is-better too (margin):
                // swapping good and bad would silently reward the opposite behaviour.
                RuleSettings reference = defaults.rule(row.key).orElse(known.get());
                boolean lowerIsBetter = reference.good().compareTo(reference.bad()) <= 0;
                if (lowerIsBetter && row.bad.compareTo(row.good) < 0) {
                    errors.rejectValue(path + "bad", "scoring.edit.error.lower_is_better");
                    fine = false;
                } else if (!lowerIsBetter && row.bad.compareTo(row.good) > 0) {
                    errors.rejectValue(path + "bad", "scoring.edit.error.higher_is_better");
                    fine = false;
                }
            }
            if (fine) {
                ruleSettings.add(new RuleSettings(row.key, known.get().category(), fromPercent(row.good, percent),
                        fromPercent(row.bad, percent), row.weight, row.windowMonths, row.enabled));
                if (row.enabled) {
                    enabledWeight += row.weight;
                }
            }
        }
        if (ruleSettings.size() == rules.size() && enabledWeight == 0) {
            errors.reject("scoring.edit.error.no_weight");
        }

        List<DealbreakerSettings> dealbreakerSettings = new ArrayList<>();
        for (int i = 0; i < dealbreakers.size(); i++) {
            DealbreakerRow row = dealbreakers.get(i);
            Optional<DealbreakerSettings> known = base.dealbreaker(row.key);
            if (known.isEmpty()) {
                errors.reject("scoring.edit.error.unknown");
                continue;
            }
            Map<String, BigDecimal> thresholds = new LinkedHashMap<>();
            boolean fine = true;
            for (int t = 0; t < row.thresholds.size(); t++) {
                ThresholdRow threshold = row.thresholds.get(t);
                String path = "dealbreakers[" + i + "].thresholds[" + t + "].value";
                if (!known.get().thresholds().byName().containsKey(threshold.name)) {
                    errors.reject("scoring.edit.error.unknown");
                    fine = false;
                    continue;
                }
                if (!required(errors, path, threshold.value)) {
                    fine = false;
                    continue;
                }
                if (isShare(threshold.name)) {
                    fine &= percentRange(errors, path, threshold.value);
                } else if (threshold.value.stripTrailingZeros().scale() > 0 || threshold.value.compareTo(BigDecimal.ONE) < 0
                        || threshold.value.compareTo(HUNDRED) > 0) {
                    errors.rejectValue(path, "scoring.edit.error.count");
                    fine = false;
                }
                thresholds.put(threshold.name, fromPercent(threshold.value, isShare(threshold.name)));
            }
            if (fine) {
                try {
                    dealbreakerSettings.add(DealbreakerSettings.of(row.key, row.enabled, thresholds));
                } catch (IllegalArgumentException refused) {
                    errors.reject("scoring.edit.error.refused", new Object[] {refused.getMessage()}, refused.getMessage());
                }
            }
        }

        boolean bands = required(errors, "gradeA", gradeA) & required(errors, "gradeB", gradeB)
                & required(errors, "gradeC", gradeC) & required(errors, "gradeD", gradeD);
        if (bands) {
            bands = band(errors, "gradeA", gradeA, HUNDRED) & band(errors, "gradeB", gradeB, gradeA)
                    & band(errors, "gradeC", gradeC, gradeB) & band(errors, "gradeD", gradeD, gradeC);
        }
        boolean settings = required(errors, "minimumCompleteness", minimumCompleteness)
                & required(errors, "worseningPoints", worseningPoints)
                & required(errors, "drainRevenueTopPercent", drainRevenueTopPercent)
                & required(errors, "drainEffortTopPercent", drainEffortTopPercent)
                & required(errors, "targetMargin", targetMargin)
                & required(errors, "dependencyShare", dependencyShare);
        if (settings) {
            settings = percentRange(errors, "minimumCompleteness", minimumCompleteness)
                    & percentRange(errors, "dependencyShare", dependencyShare)
                    & percentRange(errors, "targetMargin", targetMargin)
                    & wholePercent(errors, "drainRevenueTopPercent", drainRevenueTopPercent)
                    & wholePercent(errors, "drainEffortTopPercent", drainEffortTopPercent);
            if (targetMargin.compareTo(HUNDRED) >= 0) {
                errors.rejectValue("targetMargin", "scoring.edit.error.below_hundred");
                settings = false;
            }
            if (worseningPoints.signum() <= 0 || worseningPoints.compareTo(HUNDRED) > 0) {
                errors.rejectValue("worseningPoints", "scoring.edit.error.points");
                settings = false;
            }
        }
        if (errors.hasErrors() || !bands || !settings) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ScoringModel(base.version(), ruleSettings, dealbreakerSettings,
                    new GradeBands(gradeA, gradeB, gradeC, gradeD), fromPercent(minimumCompleteness, true),
                    worseningPoints, drainRevenueTopPercent, drainEffortTopPercent, fromPercent(targetMargin, true),
                    fromPercent(dependencyShare, true)));
        } catch (IllegalArgumentException refused) {
            // The engine has the last word on what a model may be; its reason is shown, not a 500.
            errors.reject("scoring.edit.error.refused", new Object[] {refused.getMessage()}, refused.getMessage());
            return Optional.empty();
        }
    }

    /** Whether a rule's good and bad are shares (entered as percentages). */
    static boolean isPercent(String ruleKey) {
        return Rules.byKey(ruleKey).map(rule -> rule.quantity() == Quantity.FRACTION).orElse(false);
    }

    static boolean isShare(String thresholdName) {
        return thresholdName.endsWith("_share");
    }

    private static boolean required(Errors errors, String field, Object value) {
        if (value == null && !errors.hasFieldErrors(field)) {
            errors.rejectValue(field, "NotNull");
        }
        return value != null;
    }

    private static boolean percentRange(Errors errors, String field, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
            errors.rejectValue(field, "scoring.edit.error.percent");
            return false;
        }
        return true;
    }

    private static boolean wholePercent(Errors errors, String field, int value) {
        if (value < 1 || value > 100) {
            errors.rejectValue(field, "scoring.edit.error.top_percent");
            return false;
        }
        return true;
    }

    private static boolean band(Errors errors, String field, BigDecimal value, BigDecimal above) {
        if (value.signum() <= 0 || value.compareTo(HUNDRED) > 0) {
            errors.rejectValue(field, "scoring.edit.error.band_range");
            return false;
        }
        if (!"gradeA".equals(field) && value.compareTo(above) >= 0) {
            errors.rejectValue(field, "scoring.edit.error.band_order");
            return false;
        }
        return true;
    }

    private static BigDecimal toPercent(BigDecimal value, boolean percent) {
        return plain(percent ? value.multiply(HUNDRED) : value);
    }

    private static BigDecimal fromPercent(BigDecimal value, boolean percent) {
        return percent ? value.divide(HUNDRED).stripTrailingZeros() : value;
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public List<RuleRow> getRules() { return rules; }
    public void setRules(List<RuleRow> rules) { this.rules = rules; }
    public List<DealbreakerRow> getDealbreakers() { return dealbreakers; }
    public void setDealbreakers(List<DealbreakerRow> dealbreakers) { this.dealbreakers = dealbreakers; }
    public BigDecimal getGradeA() { return gradeA; }
    public void setGradeA(BigDecimal gradeA) { this.gradeA = gradeA; }
    public BigDecimal getGradeB() { return gradeB; }
    public void setGradeB(BigDecimal gradeB) { this.gradeB = gradeB; }
    public BigDecimal getGradeC() { return gradeC; }
    public void setGradeC(BigDecimal gradeC) { this.gradeC = gradeC; }
    public BigDecimal getGradeD() { return gradeD; }
    public void setGradeD(BigDecimal gradeD) { this.gradeD = gradeD; }
    public BigDecimal getMinimumCompleteness() { return minimumCompleteness; }
    public void setMinimumCompleteness(BigDecimal minimumCompleteness) { this.minimumCompleteness = minimumCompleteness; }
    public BigDecimal getWorseningPoints() { return worseningPoints; }
    public void setWorseningPoints(BigDecimal worseningPoints) { this.worseningPoints = worseningPoints; }
    public Integer getDrainRevenueTopPercent() { return drainRevenueTopPercent; }
    public void setDrainRevenueTopPercent(Integer value) { this.drainRevenueTopPercent = value; }
    public Integer getDrainEffortTopPercent() { return drainEffortTopPercent; }
    public void setDrainEffortTopPercent(Integer value) { this.drainEffortTopPercent = value; }
    public BigDecimal getTargetMargin() { return targetMargin; }
    public void setTargetMargin(BigDecimal targetMargin) { this.targetMargin = targetMargin; }
    public BigDecimal getDependencyShare() { return dependencyShare; }
    public void setDependencyShare(BigDecimal dependencyShare) { this.dependencyShare = dependencyShare; }

    /** One rule's row; {@code good} and {@code bad} are percentages when {@link #isPercent()}. */
    public static class RuleRow {
        private String key;
        private boolean enabled;
        private BigDecimal good;
        private BigDecimal bad;
        private Integer weight;
        private Integer windowMonths;

        public boolean isPercent() { return ModelForm.isPercent(key); }
        public String getKey() { return key; }
        public void setKey(String key) { this.key = key; }
        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public BigDecimal getGood() { return good; }
        public void setGood(BigDecimal good) { this.good = good; }
        public BigDecimal getBad() { return bad; }
        public void setBad(BigDecimal bad) { this.bad = bad; }
        public Integer getWeight() { return weight; }
        public void setWeight(Integer weight) { this.weight = weight; }
        public Integer getWindowMonths() { return windowMonths; }
        public void setWindowMonths(Integer windowMonths) { this.windowMonths = windowMonths; }
    }

    public static class DealbreakerRow {
        private String key;
        private boolean enabled;
        private List<ThresholdRow> thresholds = new ArrayList<>();

        public String getKey() { return key; }
        public void setKey(String key) { this.key = key; }
        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public List<ThresholdRow> getThresholds() { return thresholds; }
        public void setThresholds(List<ThresholdRow> thresholds) { this.thresholds = thresholds; }
    }

    /** A dealbreaker threshold; a percentage when its name ends in {@code _share}, else a whole count. */
    public static class ThresholdRow {
        private String name;
        private BigDecimal value;

        public boolean isPercent() { return ModelForm.isShare(name); }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public BigDecimal getValue() { return value; }
        public void setValue(BigDecimal value) { this.value = value; }
    }
}
