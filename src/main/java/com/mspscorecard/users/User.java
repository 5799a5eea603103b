package com.mspscorecard.users;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "app_user")
class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Created with a password somebody else chose: the user must choose their own first. */
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    /** Optional: without an address the user is told in the application only. */
    private String email;

    /** "en" or "it": the language of what is written to the user while away (digest, alerts). */
    @Column(nullable = false)
    private String language = "en";

    /** The SMTP server refused {@link #email} outright; cleared when the address changes. */
    @Column(name = "email_refused_at")
    private Instant emailRefusedAt;

    @Version
    private int version;

    protected User() {
    }

    User(String username, String displayName, Role role, String passwordHash, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    UserSummary summary() {
        return new UserSummary(id, username, displayName, role, enabled);
    }

    UserContact contact() {
        return new UserContact(id, username, displayName, role, enabled, email, emailRefusedAt != null,
                java.util.Locale.forLanguageTag(language));
    }

    String getEmail() {
        return email;
    }

    void setEmail(String email) {
        if (!java.util.Objects.equals(this.email, email)) {
            this.emailRefusedAt = null;
        }
        this.email = email;
    }

    String getLanguage() {
        return language;
    }

    void setLanguage(String language) {
        this.language = language;
    }

    void setEmailRefusedAt(Instant emailRefusedAt) {
        this.emailRefusedAt = emailRefusedAt;
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getDisplayName() {
        return displayName;
    }

    Role getRole() {
        return role;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    boolean isEnabled() {
        return enabled;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    void setMustChangePassword(boolean mustChangePassword) {
        this.mustChangePassword = mustChangePassword;
    }

    void setRole(Role role) {
        this.role = role;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }
}
