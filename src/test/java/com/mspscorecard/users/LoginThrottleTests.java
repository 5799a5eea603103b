package com.mspscorecard.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private final MutableClock clock = new MutableClock();

    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fiveFailuresWithinFifteenMinutesLockTheUsernameForFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice");
            clock.advance(Duration.ofMinutes(3));
        }
        assertThat(throttle.isLocked("alice")).isFalse();
        throttle.failed("ALICE ");
        assertThat(throttle.isLocked("alice")).isTrue();
        assertThat(throttle.isLocked("bob")).isFalse();

        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(throttle.isLocked("alice")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.isLocked("alice")).isFalse();
    }

    @Test
    void failuresSpreadOverMoreThanFifteenMinutesDoNotLock() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("alice");
            clock.advance(Duration.ofMinutes(4));
        }
        assertThat(throttle.isLocked("alice")).isFalse();
    }

    @Test
    void aSuccessfulLoginForgetsEarlierFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice");
        }
        throttle.succeeded("alice");
        throttle.failed("alice");
        assertThat(throttle.isLocked("alice")).isFalse();
    }

    static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-11-27T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
