package com.mspscorecard.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.mspscorecard.users.SignInThrottle.Lockout;
import com.mspscorecard.users.SignInThrottle.Refusal;
import com.mspscorecard.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The rules, run against the table-backed counts that every instance shares. */
class SignInThrottleTests {

    /** A migrated database of this class's own: no other test's failures count here. */
    private static final JdbcTemplate JDBC = migratedDatabase();

    private static final String ATTACKER = "203.0.113.66";

    private static final String USER_ADDRESS = "198.51.100.7";

    private final MutableClock clock = new MutableClock();

    private final SignInThrottle throttle = new SignInThrottle(new JdbcSignInAttempts(JDBC, new DataSourceTransactionManager(JDBC.getDataSource())), clock);

    static JdbcTemplate migratedDatabase() {
        TestDatabase db = TestDatabase.get().fresh();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.username(), db.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(dataSource);
    }

    @BeforeEach
    void forgetEveryFailure() {
        JDBC.update("truncate sign_in_failure, sign_in_lock");
    }

    @Test
    void twoInstancesCountTheSameFailures() {
        SignInThrottle other = new SignInThrottle(new JdbcSignInAttempts(JDBC, new DataSourceTransactionManager(JDBC.getDataSource())), clock);
        for (int i = 0; i < 2; i++) {
            throttle.failed(ATTACKER, "alice");
            other.failed(ATTACKER, "alice");
        }
        assertThat(throttle.failed(ATTACKER, "alice")).containsExactly(Lockout.ADDRESS_AND_USERNAME);
        assertThat(other.refusal(ATTACKER, "alice")).isEqualTo(Refusal.PAIR_LOCKED);
    }

    @Test
    void fiveFailuresWithinFifteenMinutesLockThatAddressAndUsernameForFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed(ATTACKER, "alice")).isEmpty();
            clock.advance(Duration.ofMinutes(3));
        }
        assertThat(throttle.refusal(ATTACKER, "alice")).isNull();
        assertThat(throttle.failed(ATTACKER, "ALICE ")).containsExactly(Lockout.ADDRESS_AND_USERNAME);
        assertThat(throttle.refusal(ATTACKER, "alice")).isEqualTo(Refusal.PAIR_LOCKED);
        // The user elsewhere, and other usernames from the attacker's address, are not locked.
        assertThat(throttle.refusal(USER_ADDRESS, "alice")).isNull();
        assertThat(throttle.refusal(ATTACKER, "bob")).isNull();

        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(throttle.refusal(ATTACKER, "alice")).isEqualTo(Refusal.PAIR_LOCKED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.refusal(ATTACKER, "alice")).isNull();
    }

    @Test
    void failuresSpreadOverMoreThanFifteenMinutesDoNotLock() {
        for (int i = 0; i < 10; i++) {
            throttle.failed(ATTACKER, "alice");
            clock.advance(Duration.ofMinutes(4));
        }
        assertThat(throttle.refusal(ATTACKER, "alice")).isNull();
    }

    @Test
    void aSuccessForgetsThePairsFailuresButNotTheAddresss() {
        for (int i = 0; i < 4; i++) {
            throttle.failed(ATTACKER, "alice");
        }
        throttle.succeeded(ATTACKER, "alice");
        throttle.failed(ATTACKER, "alice");
        assertThat(throttle.refusal(ATTACKER, "alice")).isNull();

        for (int i = 0; i < 14; i++) {
            throttle.failed(ATTACKER, "user" + i);
        }
        throttle.succeeded(ATTACKER, "mallory");
        assertThat(throttle.failed(ATTACKER, "another")).containsExactly(Lockout.ADDRESS);
    }

    @Test
    void twentyFailuresFromOneAddressAcrossUsernamesRefuseThatAddressOnly() {
        for (int i = 0; i < 19; i++) {
            assertThat(throttle.failed(ATTACKER, "random" + i)).isEmpty();
        }
        assertThat(throttle.refusal(ATTACKER, "alice")).isNull();
        assertThat(throttle.failed(ATTACKER, "random19")).containsExactly(Lockout.ADDRESS);
        assertThat(throttle.refusal(ATTACKER, "alice")).isEqualTo(Refusal.ADDRESS_LOCKED);
        assertThat(throttle.refusal(USER_ADDRESS, "alice")).isNull();
        clock.advance(SignInThrottle.ADDRESS_LOCK);
        assertThat(throttle.refusal(ATTACKER, "alice")).isNull();
    }

    @Test
    void failuresFromManyAddressesSlowTheUsernameButNeverLockIt() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("203.0.113." + i, "alice");
        }
        // Right after a failure, nobody's password for alice is checked ...
        assertThat(throttle.refusal(USER_ADDRESS, "alice")).isEqualTo(Refusal.USERNAME_SLOWED);
        assertThat(throttle.refusal(USER_ADDRESS, "bob")).isNull();
        // ... but five seconds later it is, for the real user too.
        clock.advance(SignInThrottle.USERNAME_PACE);
        assertThat(throttle.refusal(USER_ADDRESS, "alice")).isNull();
        throttle.failed("203.0.113.99", "alice");
        assertThat(throttle.refusal(USER_ADDRESS, "alice")).isEqualTo(Refusal.USERNAME_SLOWED);
        clock.advance(SignInThrottle.WINDOW);
        assertThat(throttle.refusal(USER_ADDRESS, "alice")).isNull();
    }

    @Test
    void ipv6ClientsCountByTheirSlash64() {
        assertThat(SignInThrottle.network("2001:db8:1:2::1")).isEqualTo(SignInThrottle.network("2001:db8:1:2:ffff::9"));
        assertThat(SignInThrottle.network("2001:db8:1:2::1")).isNotEqualTo(SignInThrottle.network("2001:db8:1:3::1"));
        assertThat(SignInThrottle.network("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(SignInThrottle.network(null)).isEqualTo("unknown");
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
