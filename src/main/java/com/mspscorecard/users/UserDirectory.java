package com.mspscorecard.users;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Read-only view of users for other modules (account managers of clients, audit actors). */
public interface UserDirectory {

    List<UserSummary> all();

    /** Enabled owners and account managers: the people a client can be assigned to. */
    List<UserSummary> accountManagers();

    Optional<UserSummary> byUsername(String username);

    Optional<UserSummary> byId(Long id);

    /**
     * The id of the user with this name, in one indexed query: for what every page asks (the
     * navbar's bell), where loading the whole user through JPA was 5 % of a dashboard view.
     */
    Optional<Long> idOf(String username);

    /**
     * When the account was created. The staff vote shows it beside each name on a poll's roster,
     * so voters can spot accounts made just before the poll opened.
     */
    Optional<Instant> accountCreatedAt(Long id);

    /** Every user with their address and language (issue 17: digest and alerts), by display name. */
    List<UserContact> contacts();

    Optional<UserContact> contact(String username);
}
