package com.mspscorecard.clients;

import org.springframework.security.core.Authentication;

/**
 * Who sees a client's figures (contract, revenue, metrics): owners and account managers.
 * Public so the metrics and incidents pages decide the same way.
 */
public final class ClientAccess {

    private ClientAccess() {
    }

    public static boolean seesFinancials(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_OWNER") || a.getAuthority().equals("ROLE_ACCOUNT_MANAGER"));
    }

    public static boolean isOwner(Authentication authentication) {
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_OWNER"));
    }
}
