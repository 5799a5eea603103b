package com.mspscorecard.web;

import java.util.Set;

/**
 * A link in the main navigation, contributed as a bean by the module that owns the page.
 * {@code key} names the message {@code nav.<key>} and marks the active page; {@code roles}
 * are role names (OWNER, ACCOUNT_MANAGER, STAFF) that see the link. Hiding a link is a
 * courtesy: the page itself checks the role too.
 */
public record NavigationItem(String key, String path, int order, Set<String> roles) {

    public NavigationItem {
        roles = Set.copyOf(roles);
    }

    public static NavigationItem of(String key, String path, int order, String... roles) {
        return new NavigationItem(key, path, order, Set.of(roles));
    }
}
