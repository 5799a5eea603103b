package com.mspscorecard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.authentication.TestingAuthenticationToken;

/** The shared web module boots alone: the menu shows a person only what their role may open. */
@ApplicationModuleTest
class WebModuleTests {

    @Autowired
    Navigation navigation;

    @Autowired
    MessageSource messages;

    @Test
    void bootsAloneWithItsMenuAndBundles() {
        // Alone, no feature module contributes menu items: nothing to show, and nothing fails.
        assertThat(navigation.itemsFor(new TestingAuthenticationToken("someone", "x", "ROLE_STAFF"))).isEmpty();
        assertThat(messages.getMessage("filter.apply", null, Locale.ITALIAN)).isNotEqualTo(
                messages.getMessage("filter.apply", null, Locale.ENGLISH));
    }
}
