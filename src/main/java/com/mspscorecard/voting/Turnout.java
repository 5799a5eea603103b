package com.mspscorecard.voting;

/**
 * A poll's participation as counts, never names: how many accounts are on its roster, how many of
 * them have voted, and how many of those voters are owners.
 */
record Turnout(int roster, int voters, int ownerVoters) {

    /** Closing early is allowed only then: the results are the same as on the closing date. */
    boolean everyoneVoted() {
        return roster > 0 && voters >= roster;
    }

    /**
     * Ballots that an owner did not cast. An owner knows their own ballot and can subtract it from
     * the results, so only these protect one another.
     */
    int votersOtherThanOwners() {
        return voters - ownerVoters;
    }
}
