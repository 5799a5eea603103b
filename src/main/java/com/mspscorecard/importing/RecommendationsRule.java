package com.mspscorecard.importing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import com.mspscorecard.importing.csv.CellValue;
import com.mspscorecard.metrics.Metric;

/**
 * Cross-field rule of a snapshot: implemented plus ignored recommendations cannot exceed those made.
 * Checked only when the row gives all three. Kept here until {@code metrics.SnapshotRules} exists,
 * so that the import and the other entry points can then share one rule.
 */
final class RecommendationsRule {

    private RecommendationsRule() {
    }

    /** The complaint about the row, or empty when it passes (or does not give all three). */
    static Optional<String> check(Map<Metric, CellValue> values) {
        BigDecimal made = value(values, Metric.RECOMMENDATIONS_MADE);
        BigDecimal implemented = value(values, Metric.RECOMMENDATIONS_IMPLEMENTED);
        BigDecimal ignored = value(values, Metric.RECOMMENDATIONS_IGNORED);
        if (made == null || implemented == null || ignored == null) {
            return Optional.empty();
        }
        if (implemented.add(ignored).compareTo(made) > 0) {
            return Optional.of(("recommendations_implemented (%s) plus recommendations_ignored (%s) is more than "
                    + "recommendations_made (%s).").formatted(implemented.toPlainString(), ignored.toPlainString(),
                    made.toPlainString()));
        }
        return Optional.empty();
    }

    private static BigDecimal value(Map<Metric, CellValue> values, Metric metric) {
        CellValue cell = values.get(metric);
        return cell == null ? null : cell.value();
    }
}
