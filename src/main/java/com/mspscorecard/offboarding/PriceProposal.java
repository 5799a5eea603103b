package com.mspscorecard.offboarding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

/** A price-raise proposal; {@code state} is OPEN, ACCEPTED, DECLINED or WITHDRAWN. */
public record PriceProposal(long id, long clientId, String clientName, String state, BigDecimal currentPrice,
        BigDecimal proposedPrice, LocalDate effectiveOn, String letterLanguage, String letter, String withdrawReason,
        String openedBy, Instant openedAt, String closedBy, Instant closedAt, boolean applied, int version) {

    PriceProposal named(String name) {
        return new PriceProposal(id, clientId, name, state, currentPrice, proposedPrice, effectiveOn, letterLanguage,
                letter, withdrawReason, openedBy, openedAt, closedBy, closedAt, applied, version);
    }

    public boolean open() {
        return "OPEN".equals(state);
    }

    /** What the client pays more a month; null without a current price. */
    public BigDecimal increase() {
        return currentPrice == null ? null : proposedPrice.subtract(currentPrice);
    }

    /** The increase as a fraction of the current price (0.25 = 25%); null without a current price above 0. */
    public BigDecimal increaseFraction() {
        return currentPrice == null || currentPrice.signum() == 0 ? null
                : increase().divide(currentPrice, 4, RoundingMode.HALF_UP);
    }
}
