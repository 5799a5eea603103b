package com.mspscorecard.users;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt over an HMAC-SHA256 of the password, stored as {@code {bcrypt-sha256}$2a$…}.
 * <p>
 * bcrypt reads at most 72 bytes and Spring Security refuses longer input, while passwords may
 * be 128 characters (512 bytes in UTF-8). Hashing first turns any password into 44 base64
 * characters, so every character counts and nothing is cut off. The HMAC is keyed with the
 * hash's own bcrypt salt (as passlib's bcrypt_sha256 v2 does), so a leaked unsalted SHA-256 of a
 * password elsewhere cannot be tried against our hashes directly. bcrypt itself stays, with the
 * cost Spring uses by default, rather than argon2 or scrypt, which would need Bouncy Castle.
 */
final class BcryptSha256PasswordEncoder implements PasswordEncoder {

    static final String ID = "bcrypt-sha256";

    /** {@code $2a$10$} plus 22 characters of salt. */
    private static final int SALT_LENGTH = 29;

    private static final int COST = 10;

    private final SecureRandom random = new SecureRandom();

    /**
     * New hashes use {@link #ID}; hashes written before it ({@code {bcrypt}}) are still checked
     * and, through {@code UserDetailsPasswordService}, rewritten at the user's next sign-in.
     */
    static PasswordEncoder delegating() {
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put(ID, new BcryptSha256PasswordEncoder());
        encoders.put("bcrypt", new LegacyBcrypt());
        return new DelegatingPasswordEncoder(ID, encoders);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        String salt = BCrypt.gensalt("$2a", COST, random);
        return BCrypt.hashpw(preHash(rawPassword, salt), salt);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || encodedPassword.length() < SALT_LENGTH) {
            return false;
        }
        String expected = BCrypt.hashpw(preHash(rawPassword, encodedPassword.substring(0, SALT_LENGTH)),
                encodedPassword);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                encodedPassword.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encodedPassword != null && !encodedPassword.startsWith("$2a$" + COST + "$");
    }

    private static String preHash(CharSequence rawPassword, String salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * The {@code {bcrypt}} hashes written before: no such hash can come from more than 72 bytes
     * (bcrypt refused them), so a longer password simply does not match instead of failing.
     */
    static final class LegacyBcrypt implements PasswordEncoder {

        private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

        @Override
        public String encode(CharSequence rawPassword) {
            throw new UnsupportedOperationException("new hashes use " + ID);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return rawPassword != null && rawPassword.toString().getBytes(StandardCharsets.UTF_8).length <= 72
                    && bcrypt.matches(rawPassword, encodedPassword);
        }
    }
}
