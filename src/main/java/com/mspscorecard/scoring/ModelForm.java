package com.mspscorecard.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mspscorecard.scoring.engine.DealbreakerSettings;
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
     * beside its field (see {@link ModelFormCheck}).
     */
    Optional<ScoringModel> toModel(ScoringModel base, Errors errors) {
        return ModelFormCheck.toModel(this, base, errors);
    }

    /** Whether a rule's good and bad are shares (entered as percentages). */
    static boolean isPercent(String ruleKey) {
        return Rules.byKey(ruleKey).map(rule -> rule.quantity() == Quantity.FRACTION).orElse(false);
    }

    static boolean isShare(String thresholdName) {
        return thresholdName.endsWith("_share");
    }

    static BigDecimal toPercent(BigDecimal value, boolean percent) {
        return plain(percent ? value.multiply(HUNDRED) : value);
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
