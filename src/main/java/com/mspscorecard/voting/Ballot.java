package com.mspscorecard.voting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a voter chose: client ids in rank order, first = worst. Built from the ballot form's
 * select boxes (one per place, blank = no pick): places are filled from the first without gaps,
 * at least one and at most the poll's picks, each client at most once.
 */
record Ballot(List<Long> clientIds) {

    Ballot {
        clientIds = List.copyOf(clientIds);
    }

    static Ballot fromPlaces(List<String> places, int maxPicks) {
        List<Long> ids = new ArrayList<>();
        boolean blankSeen = false;
        for (String place : places == null ? List.<String>of() : places) {
            if (place == null || place.isBlank()) {
                blankSeen = true;
                continue;
            }
            if (blankSeen) {
                throw new VotingRuleViolation("picks", "ballot.gap");
            }
            try {
                ids.add(Long.valueOf(place.trim()));
            }
            catch (NumberFormatException e) {
                throw new VotingRuleViolation("picks", "ballot.unknownClient");
            }
        }
        if (ids.isEmpty()) {
            throw new VotingRuleViolation("picks", "ballot.empty");
        }
        if (ids.size() > maxPicks) {
            throw new VotingRuleViolation("picks", "ballot.tooMany");
        }
        Set<Long> seen = new HashSet<>();
        for (Long id : ids) {
            if (!seen.add(id)) {
                throw new VotingRuleViolation("picks", "ballot.duplicate");
            }
        }
        return new Ballot(ids);
    }
}
