package com.mspscorecard.scoring.internal;

import java.math.BigDecimal;
import java.time.YearMonth;

import com.mspscorecard.scoring.engine.PortfolioPosition;

/** What is stored of a client-month that rescoring one client needs about the others. */
public record StoredPosition(long clientId, YearMonth month, BigDecimal score, boolean drain, boolean dependencyRisk,
                             PortfolioPosition position) {
}
