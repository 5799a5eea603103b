package com.mspscorecard.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** The main navigation for the current user: {@code @navigation.itemsFor(#authentication)} in the layout. */
@Component("navigation")
public class Navigation {

    private final List<NavigationItem> items;

    Navigation(List<NavigationItem> items) {
        this.items = items.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
    }

    public List<NavigationItem> itemsFor(Authentication authentication) {
        if (authentication == null) {
            return List.of();
        }
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
        return items.stream().filter(item -> item.roles().stream().anyMatch(roles::contains)).toList();
    }
}
