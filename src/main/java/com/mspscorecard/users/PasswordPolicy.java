package com.mspscorecard.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Length is what makes a password strong: 12 to 128 characters, no composition rules, and a
 * short offline list of the most common long passwords is refused (NIST SP 800-63B).
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;

    static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            common = reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the message code of the first broken rule, empty when the password is acceptable */
    Optional<String> check(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            return Optional.of("password.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("password.common");
        }
        if (username != null && !username.isBlank() && lower.contains(username.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of("password.containsUsername");
        }
        if (lower.codePoints().distinct().count() < 4) {
            return Optional.of("password.common");
        }
        return Optional.empty();
    }
}
