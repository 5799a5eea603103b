package com.mspscorecard.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for {@code Authorization: Bearer …}. A token is 32 random bytes, shown once;
 * only its SHA-256 is stored, so a leaked database does not leak usable tokens. A token acts
 * with its user's current role and stops working when the user is disabled or the token revoked.
 */
@Service
class ApiTokenService {

    static final String PREFIX = "msp_";

    private final ApiTokens tokens;

    private final Users users;

    private final UserService userService;

    private final AuditTrail audit;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokens tokens, Users users, UserService userService, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.userService = userService;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return the token in clear text, the only time it is ever available */
    @Transactional
    String create(String username, String name) {
        User user = users.findByUsername(username).orElseThrow(() -> new UserRuleViolation("token", "user.notFound"));
        String label = name == null || name.isBlank() ? "API token" : name.trim();
        if (label.length() > 100) {
            throw new UserRuleViolation("name", "token.name.tooLong");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken saved = tokens.save(new ApiToken(user.getId(), label, hash(token), Instant.now(clock)));
        audit.record(AuditEvent.of("CREATED", "API_TOKEN", saved.getId(), "token.created", label, user.getUsername()));
        return token;
    }

    @Transactional
    void revoke(String username, Long tokenId) {
        User user = users.findByUsername(username).orElseThrow(() -> new UserRuleViolation("token", "user.notFound"));
        ApiToken token = tokens.findById(tokenId).filter(t -> t.getUserId().equals(user.getId()))
                .orElseThrow(() -> new UserRuleViolation("token", "token.notFound"));
        if (!token.isRevoked()) {
            token.revoke(Instant.now(clock));
            audit.record(AuditEvent.of("REVOKED", "API_TOKEN", token.getId(), "token.revoked", token.getName(),
                    user.getUsername()));
        }
    }

    /** The user's tokens as the page shows them (the entity stays inside this class). */
    @Transactional(readOnly = true)
    List<ApiTokenRow> of(String username) {
        return users.findByUsername(username).map(u -> tokens.findByUserIdOrderByCreatedAtDesc(u.getId()))
                .orElse(List.of()).stream()
                .map(t -> new ApiTokenRow(t.getId(), t.getName(), local(t.getCreatedAt()), local(t.getLastUsedAt()),
                        t.isRevoked()))
                .toList();
    }

    private LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, clock.getZone());
    }

    /** The user a valid token belongs to, as Spring Security sees them; empty for anything else. */
    @Transactional
    Optional<UserDetails> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash(token)).filter(t -> !t.isRevoked()).flatMap(t -> {
            Instant now = Instant.now(clock);
            tokens.touch(t.getId(), now, now.minus(Duration.ofMinutes(1)));
            return users.findById(t.getUserId());
        }).filter(User::isEnabled).map(u -> userService.loadUserByUsername(u.getUsername()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
