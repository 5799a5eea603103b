package com.mspscorecard.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class BcryptSha256PasswordEncoderTests {

    private final PasswordEncoder encoder = BcryptSha256PasswordEncoder.delegating();

    @Test
    void everyByteOfALongPasswordCounts() {
        String hash = encoder.encode(Passwords.LONG);
        assertThat(hash).startsWith("{bcrypt-sha256}$2a$10$");
        assertThat(encoder.matches(Passwords.LONG, hash)).isTrue();
        assertThat(encoder.matches(Passwords.LONG_FIRST_72_BYTES, hash)).isFalse();
        assertThat(encoder.matches(Passwords.LONG + "!", hash)).isFalse();
        assertThat(encoder.upgradeEncoding(hash)).isFalse();
    }

    @Test
    void twoHashesOfOnePasswordDifferBySalt() {
        assertThat(encoder.encode("correct horse battery")).isNotEqualTo(encoder.encode("correct horse battery"));
    }

    @Test
    void oldBcryptHashesStillMatchAndAskToBeUpgraded() {
        String old = "{bcrypt}" + new BCryptPasswordEncoder().encode("correct horse battery");
        assertThat(encoder.matches("correct horse battery", old)).isTrue();
        assertThat(encoder.matches("wrong horse battery", old)).isFalse();
        assertThat(encoder.matches(Passwords.LONG, old)).isFalse();
        assertThat(encoder.upgradeEncoding(old)).isTrue();
    }
}
