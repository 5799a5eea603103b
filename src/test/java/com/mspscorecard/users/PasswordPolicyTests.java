package com.mspscorecard.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @CsvSource(nullValues = "OK", value = {
            "'',                       password.tooShort",
            "elevenchars,              password.tooShort",
            "twelve chars,             OK",
            "correct horse battery,    OK",
            "ünïcödé pässwörd,         OK",
            "password1234,             password.common",
            "PassWord1234,             password.common",
            "qwertyuiop123,            password.common",
            "aaaaaaaaaaaaaaaa,         password.common",
            "ababababababab,           password.common",
            "my name is alice ok,      password.containsUsername",
    })
    void judgesPasswordsByLengthAndCommonness(String password, String expectedCode) {
        assertThat(policy.check(password, "alice").orElse(null)).isEqualTo(expectedCode);
    }

    @org.junit.jupiter.api.Test
    void acceptsExactly128AndRefuses129Characters() {
        assertThat(policy.check("x1y2".repeat(32), "alice")).isEmpty();
        assertThat(policy.check("x1y2".repeat(32) + "z", "alice")).contains("password.tooLong");
    }

    @org.junit.jupiter.api.Test
    void countsCharactersNotBytes() {
        // Eleven emoji are eleven characters, even though each takes two UTF-16 units.
        assertThat(policy.check("🔒".repeat(11), "alice")).contains("password.tooShort");
    }
}
