package com.mspscorecard.users;

/** What a user may do; see PRODUCT §1. */
public enum Role {

    /** Reviews scorecards and decides; manages users, the scoring model and polls. */
    OWNER,
    /** Enters monthly metrics and imports files; sees financial figures. */
    ACCOUNT_MANAGER,
    /** Technician: logs red-flag incidents and votes; sees client names only. */
    STAFF;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Owners and account managers see revenue, contracts, metrics and scorecards. */
    public boolean seesFinancials() {
        return this != STAFF;
    }
}
