package com.mspscorecard.scoring;

import java.time.Instant;

/**
 * One stored version of the scoring model, without its definition.
 *
 * @param status  DRAFT (being edited), ACTIVE (exactly one) or RETIRED (readable, scores kept)
 * @param basedOn the version a draft was copied from; null for version 1
 */
public record ModelVersion(int version, String status, Integer basedOn, String createdBy, Instant createdAt,
                           String activatedBy, Instant activatedAt) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    public boolean draft() {
        return "DRAFT".equals(status);
    }
}
