package com.mspscorecard.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/** Notifications boot with what they read (users, scoring, clients, metrics, contracts) and count nobody's mail. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class NotificationsModuleTests {

    @Autowired
    NotificationBell bell;

    @Autowired
    OutboxSender sender;

    @Test
    void anUnknownUserHasNoUnreadNotificationsAndWithoutAMailServerNothingIsMailed() {
        assertThat(bell.unread(UsernamePasswordAuthenticationToken.authenticated("nobody-here", null, java.util.List.of())))
                .isZero();
        assertThat(bell.unread(null)).isZero();
        assertThat(sender.enabled()).isFalse();
    }
}
