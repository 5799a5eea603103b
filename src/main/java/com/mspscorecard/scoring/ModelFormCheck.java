package com.mspscorecard.scoring;

import static com.mspscorecard.scoring.ModelForm.isPercent;
import static com.mspscorecard.scoring.ModelForm.isShare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mspscorecard.scoring.ModelForm.DealbreakerRow;
import com.mspscorecard.scoring.ModelForm.RuleRow;
import com.mspscorecard.scoring.ModelForm.ThresholdRow;
import com.mspscorecard.scoring.engine.DealbreakerSettings;
import com.mspscorecard.scoring.engine.GradeBands;
import com.mspscorecard.scoring.engine.RuleSettings;
import com.mspscorecard.scoring.engine.ScoringModel;
import org.springframework.validation.Errors;

/**
 * Checks the draft editor's form and turns it into a model: every problem is recorded beside its
 * field in the owner's words, and percentages go back to the engine's fractions. The engine has
 * the last word on what a model may be ({@link ScoringModel}'s constructor); its refusal is shown too.
 */
final class ModelFormCheck {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ModelFormCheck() {
    }

    /**
     * The model these settings describe, or empty with every problem recorded in {@code errors}
     * beside its field. {@code base} is the draft being edited: it supplies the version, the rule
     * categories and which rules and dealbreakers exist.
     */
    static Optional<ScoringModel> toModel(ModelForm form, ScoringModel base, Errors errors) {
        ScoringModel defaults = ScoringModel.defaults();
        List<RuleSettings> ruleSettings = new ArrayList<>();
        int enabledWeight = 0;
        for (int i = 0; i < form.getRules().size(); i++) {
            RuleRow row = form.getRules().get(i);
            String path = "rules[" + i + "].";
            Optional<RuleSettings> known = base.rule(row.getKey());
            if (known.isEmpty()) {
                errors.reject("scoring.edit.error.unknown");
                continue;
            }
            boolean percent = isPercent(row.getKey());
            boolean fine = required(errors, path + "good", row.getGood()) & required(errors, path + "bad", row.getBad())
                    & required(errors, path + "weight", row.getWeight())
                    & required(errors, path + "windowMonths", row.getWindowMonths());
            if (row.getWeight() != null && row.getWeight() < 0) {
                errors.rejectValue(path + "weight", "scoring.edit.error.weight");
                fine = false;
            }
            if (row.getWindowMonths() != null && (row.getWindowMonths() < 1 || row.getWindowMonths() > 36)) {
                errors.rejectValue(path + "windowMonths", "scoring.edit.error.window");
                fine = false;
            }
            if (percent) {
                fine &= percentRange(errors, path + "good", row.getGood()) & percentRange(errors, path + "bad", row.getBad());
            }
            if (row.getGood() != null && row.getBad() != null) {
                if (row.getGood().signum() < 0 || row.getBad().signum() < 0) {
                    errors.rejectValue(path + (row.getGood().signum() < 0 ? "good" : "bad"), "scoring.edit.error.negative");
                    fine = false;
                }
                // A rule where less is better stays so (late payments), and more-is-better too (margin):
                // swapping good and bad would silently reward the opposite behaviour.
                RuleSettings reference = defaults.rule(row.getKey()).orElse(known.get());
                boolean lowerIsBetter = reference.good().compareTo(reference.bad()) <= 0;
                if (lowerIsBetter && row.getBad().compareTo(row.getGood()) < 0) {
                    errors.rejectValue(path + "bad", "scoring.edit.error.lower_is_better");
                    fine = false;
                } else if (!lowerIsBetter && row.getBad().compareTo(row.getGood()) > 0) {
                    errors.rejectValue(path + "bad", "scoring.edit.error.higher_is_better");
                    fine = false;
                }
            }
            if (fine) {
                ruleSettings.add(new RuleSettings(row.getKey(), known.get().category(), fromPercent(row.getGood(), percent),
                        fromPercent(row.getBad(), percent), row.getWeight(), row.getWindowMonths(), row.isEnabled()));
                if (row.isEnabled()) {
                    enabledWeight += row.getWeight();
                }
            }
        }
        if (ruleSettings.size() == form.getRules().size() && enabledWeight == 0) {
            errors.reject("scoring.edit.error.no_weight");
        }

        List<DealbreakerSettings> dealbreakerSettings = new ArrayList<>();
        for (int i = 0; i < form.getDealbreakers().size(); i++) {
            DealbreakerRow row = form.getDealbreakers().get(i);
            Optional<DealbreakerSettings> known = base.dealbreaker(row.getKey());
            if (known.isEmpty()) {
                errors.reject("scoring.edit.error.unknown");
                continue;
            }
            Map<String, BigDecimal> thresholds = new LinkedHashMap<>();
            boolean fine = true;
            for (int t = 0; t < row.getThresholds().size(); t++) {
                ThresholdRow threshold = row.getThresholds().get(t);
                String path = "dealbreakers[" + i + "].thresholds[" + t + "].value";
                if (!known.get().thresholds().byName().containsKey(threshold.getName())) {
                    errors.reject("scoring.edit.error.unknown");
                    fine = false;
                    continue;
                }
                if (!required(errors, path, threshold.getValue())) {
                    fine = false;
                    continue;
                }
                if (isShare(threshold.getName())) {
                    fine &= percentRange(errors, path, threshold.getValue());
                } else if (threshold.getValue().stripTrailingZeros().scale() > 0 || threshold.getValue().compareTo(BigDecimal.ONE) < 0
                        || threshold.getValue().compareTo(HUNDRED) > 0) {
                    errors.rejectValue(path, "scoring.edit.error.count");
                    fine = false;
                }
                thresholds.put(threshold.getName(), fromPercent(threshold.getValue(), isShare(threshold.getName())));
            }
            if (fine) {
                try {
                    dealbreakerSettings.add(DealbreakerSettings.of(row.getKey(), row.isEnabled(), thresholds));
                } catch (IllegalArgumentException refused) {
                    errors.reject("scoring.edit.error.refused", new Object[] {refused.getMessage()}, refused.getMessage());
                }
            }
        }

        boolean bands = required(errors, "gradeA", form.getGradeA()) & required(errors, "gradeB", form.getGradeB())
                & required(errors, "gradeC", form.getGradeC()) & required(errors, "gradeD", form.getGradeD());
        if (bands) {
            bands = band(errors, "gradeA", form.getGradeA(), HUNDRED) & band(errors, "gradeB", form.getGradeB(), form.getGradeA())
                    & band(errors, "gradeC", form.getGradeC(), form.getGradeB()) & band(errors, "gradeD", form.getGradeD(), form.getGradeC());
        }
        boolean settings = required(errors, "minimumCompleteness", form.getMinimumCompleteness())
                & required(errors, "worseningPoints", form.getWorseningPoints())
                & required(errors, "drainRevenueTopPercent", form.getDrainRevenueTopPercent())
                & required(errors, "drainEffortTopPercent", form.getDrainEffortTopPercent())
                & required(errors, "targetMargin", form.getTargetMargin())
                & required(errors, "dependencyShare", form.getDependencyShare());
        if (settings) {
            settings = percentRange(errors, "minimumCompleteness", form.getMinimumCompleteness())
                    & percentRange(errors, "dependencyShare", form.getDependencyShare())
                    & percentRange(errors, "targetMargin", form.getTargetMargin())
                    & wholePercent(errors, "drainRevenueTopPercent", form.getDrainRevenueTopPercent())
                    & wholePercent(errors, "drainEffortTopPercent", form.getDrainEffortTopPercent());
            if (form.getTargetMargin().compareTo(HUNDRED) >= 0) {
                errors.rejectValue("targetMargin", "scoring.edit.error.below_hundred");
                settings = false;
            }
            if (form.getWorseningPoints().signum() <= 0 || form.getWorseningPoints().compareTo(HUNDRED) > 0) {
                errors.rejectValue("worseningPoints", "scoring.edit.error.points");
                settings = false;
            }
        }
        if (errors.hasErrors() || !bands || !settings) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ScoringModel(base.version(), ruleSettings, dealbreakerSettings,
                    new GradeBands(form.getGradeA(), form.getGradeB(), form.getGradeC(), form.getGradeD()), fromPercent(form.getMinimumCompleteness(), true),
                    form.getWorseningPoints(), form.getDrainRevenueTopPercent(), form.getDrainEffortTopPercent(), fromPercent(form.getTargetMargin(), true),
                    fromPercent(form.getDependencyShare(), true)));
        } catch (IllegalArgumentException refused) {
            // The engine has the last word on what a model may be; its reason is shown, not a 500.
            errors.reject("scoring.edit.error.refused", new Object[] {refused.getMessage()}, refused.getMessage());
            return Optional.empty();
        }
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

    private static BigDecimal fromPercent(BigDecimal value, boolean percent) {
        return percent ? value.divide(HUNDRED).stripTrailingZeros() : value;
    }
}
