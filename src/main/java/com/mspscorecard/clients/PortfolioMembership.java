package com.mspscorecard.clients;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Status over time (issue 16): which clients count in the portfolio of a month. A client counts
 * in a month unless it was {@code OFFBOARDED} on the month's first day, so an {@code OFFBOARDING}
 * client stays scored until its exit date, and a status change never rewrites months before it.
 * Clients without a recorded change have always been {@code ACTIVE}.
 */
public final class PortfolioMembership {

    /** One change of status and the day it takes effect. */
    public record StatusChange(ClientStatus status, LocalDate effectiveOn) {
    }

    private final Map<Long, List<StatusChange>> changesByClient;

    /** @param changesByClient each client's changes, oldest first (same day: in the order recorded) */
    public PortfolioMembership(Map<Long, List<StatusChange>> changesByClient) {
        this.changesByClient = Map.copyOf(changesByClient);
    }

    public ClientStatus statusOn(long clientId, LocalDate day) {
        ClientStatus status = ClientStatus.ACTIVE;
        for (StatusChange change : changesByClient.getOrDefault(clientId, List.of())) {
            if (change.effectiveOn().isAfter(day)) {
                break;
            }
            status = change.status();
        }
        return status;
    }

    /** The status in effect on the month's first day. */
    public ClientStatus statusIn(long clientId, YearMonth month) {
        return statusOn(clientId, month.atDay(1));
    }

    public boolean counts(long clientId, YearMonth month) {
        return statusIn(clientId, month) != ClientStatus.OFFBOARDED;
    }
}
