package com.mspscorecard.users;

import java.time.LocalDateTime;

/** One line of the tokens page, in the installation's time zone; never the token or its hash. */
record ApiTokenRow(Long id, String name, LocalDateTime createdAt, LocalDateTime lastUsedAt, boolean revoked) {
}
