package com.mspscorecard.dashboard;

import java.math.BigDecimal;

import com.mspscorecard.scoring.ScorecardView;

/**
 * A row of the scored clients list.
 *
 * @param revenue revenue over the last 3 months; null without data
 * @param margin  gross margin over the last 3 months as a fraction; null without data
 */
record ScoredClient(ScorecardView card, BigDecimal revenue, BigDecimal margin, String manager) {
}
