package com.mspscorecard.scoring;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

/** One month of a client's score history (for trend charts), under one model version. */
public record ScorePoint(YearMonth month, int modelVersion, BigDecimal score, String grade,
                         Map<String, BigDecimal> categoryScores, BigDecimal dataCompleteness, String recommendation,
                         boolean worsening, BigDecimal scoreChange3m) {
}
