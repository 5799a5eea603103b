package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;

/**
 * One step of a Pareto curve: after the {@code rank} biggest clients, that share of all clients
 * accounts for {@code cumulativeShare} of revenue (or effort).
 */
public record ParetoPoint(long clientId, int rank, BigDecimal clientShare, BigDecimal share, BigDecimal cumulativeShare) {
}
