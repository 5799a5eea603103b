package com.mspscorecard.users;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class UserService implements UserDirectory, MailAddresses, UserDetailsService, UserDetailsPasswordService {

    private final Users users;

    private final PasswordEncoder passwordEncoder;

    private final PasswordPolicy passwordPolicy;

    private final UserSessions sessions;

    private final AuditTrail audit;

    private final Clock clock;

    private final SignInThrottle throttle;

    private final SignInLog signIns;

    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Once a user exists, one always does: users are disabled, never deleted. */
    private volatile boolean anyUserSeen;

    UserService(Users users, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy, UserSessions sessions,
            AuditTrail audit, Clock clock, SignInThrottle throttle, SignInLog signIns,
            org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
        this.throttle = throttle;
        this.signIns = signIns;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        User user = users.findByUsername(username == null ? "" : username.trim())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        List<String> authorities = user.mustChangePassword()
                ? List.of(user.getRole().authority(), PasswordChangeFirst.AUTHORITY)
                : List.of(user.getRole().authority());
        return org.springframework.security.core.userdetails.User.withUsername(user.getUsername())
                .password(user.getPasswordHash())
                .authorities(authorities.toArray(String[]::new))
                .disabled(!user.isEnabled())
                .build();
    }

    /**
     * Rewrites a hash in an older format ({@code {bcrypt}}) after a successful sign-in, the only
     * moment the password is known.
     */
    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails details, String newEncodedPassword) {
        users.findByUsername(details.getUsername()).ifPresent(u -> u.setPasswordHash(newEncodedPassword));
        return org.springframework.security.core.userdetails.User.withUserDetails(details)
                .password(newEncodedPassword).build();
    }

    boolean anyUserExists() {
        if (!anyUserSeen) {
            anyUserSeen = users.count() > 0;
        }
        return anyUserSeen;
    }

    /**
     * Creates the first owner. Refused once any user exists, even under a race of two setup
     * requests: the table lock makes the second one see the first.
     */
    @Transactional
    UserSummary createFirstOwner(NewUser owner) {
        users.lockTable();
        if (users.count() > 0) {
            throw new UserRuleViolation("username", "setup.alreadyDone");
        }
        UserSummary created = create(new NewUser(owner.username(), owner.displayName(), Role.OWNER, owner.password(),
                owner.email()), false);
        anyUserSeen = true;
        return created;
    }

    /** A user the owner creates: the password is the owner's choice, so the user must choose their own at first sign-in. */
    @Transactional
    UserSummary create(NewUser newUser) {
        return create(newUser, true);
    }

    private UserSummary create(NewUser newUser, boolean initialPassword) {
        String username = newUser.username() == null ? "" : newUser.username().trim();
        if (!username.matches("[A-Za-z0-9._@\\-]{2,100}")) {
            throw new UserRuleViolation("username", "user.username.invalid");
        }
        if (users.findByUsername(username).isPresent()) {
            throw new UserRuleViolation("username", "user.username.taken");
        }
        String displayName = newUser.displayName() == null || newUser.displayName().isBlank() ? username
                : newUser.displayName().trim();
        if (displayName.length() > 200) {
            throw new UserRuleViolation("displayName", "user.displayName.tooLong");
        }
        String email = email(newUser.email());
        passwordPolicy.check(newUser.password(), username).ifPresent(code -> {
            throw new UserRuleViolation("password", code);
        });
        User user = new User(username, displayName, newUser.role(), passwordEncoder.encode(newUser.password()),
                Instant.now(clock));
        user.setMustChangePassword(initialPassword);
        user.setEmail(email);
        try {
            users.saveAndFlush(user);
        }
        catch (DataIntegrityViolationException e) {
            throw new UserRuleViolation("username", "user.username.taken");
        }
        audit.record(AuditEvent.of("CREATED", "USER", user.getId(), "user.created", username,
                new AuditEvent.Word("role." + newUser.role())));
        return user.summary();
    }

    @Transactional
    void changeRole(Long id, Role role, String actingUsername) {
        User user = users.findById(id).orElseThrow(() -> new UserRuleViolation("role", "user.notFound"));
        if (user.getRole() == role) {
            return;
        }
        if (user.getRole() == Role.OWNER && user.isEnabled() && enabledOwners() <= 1) {
            throw new UserRuleViolation("role", "user.lastOwner");
        }
        Role old = user.getRole();
        user.setRole(role);
        audit.record(AuditEvent.of("CHANGED", "USER", user.getId(), "user.roleChanged", user.getUsername())
                .withChanges(List.of(AuditEvent.FieldChange.of("role", old, role))));
        sessions.endAllOf(user.getUsername());
    }

    @Transactional
    void setEnabled(Long id, boolean enabled, String actingUsername) {
        User user = users.findById(id).orElseThrow(() -> new UserRuleViolation("enabled", "user.notFound"));
        if (user.isEnabled() == enabled) {
            return;
        }
        if (!enabled && user.getUsername().equalsIgnoreCase(actingUsername)) {
            throw new UserRuleViolation("enabled", "user.disableSelf");
        }
        if (!enabled && user.getRole() == Role.OWNER && enabledOwners() <= 1) {
            throw new UserRuleViolation("enabled", "user.lastOwner");
        }
        user.setEnabled(enabled);
        audit.record(AuditEvent.of("CHANGED", "USER", user.getId(), enabled ? "user.enabled" : "user.disabled",
                user.getUsername()).withChanges(List.of(AuditEvent.FieldChange.of("enabled", !enabled, enabled))));
        if (!enabled) {
            sessions.endAllOf(user.getUsername());
        }
    }

    /**
     * Checks the current password under the same throttle as sign-in (an open session must not
     * give an attacker unlimited guesses), then sets the new one.
     */
    @Transactional
    void changePassword(String username, String currentPassword, String newPassword, String address) {
        User user = users.findByUsername(username).orElseThrow(() -> new UserRuleViolation("current", "user.notFound"));
        if (throttle.refusal(address, user.getUsername()) != null) {
            throw new UserRuleViolation("currentPassword", "password.throttled");
        }
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            List<SignInThrottle.Lockout> lockouts = throttle.failed(address, user.getUsername());
            signIns.failed("PASSWORD_CHECK_FAILED", user.getUsername(), address, "wrong current password");
            signIns.lockedOut(user.getUsername(), address, lockouts);
            throw new UserRuleViolation("currentPassword", "password.currentWrong");
        }
        throttle.succeeded(address, user.getUsername());
        passwordPolicy.check(newPassword, user.getUsername()).ifPresent(code -> {
            throw new UserRuleViolation("newPassword", code);
        });
        if (newPassword != null && newPassword.equals(currentPassword)) {
            // The initial password is someone else's choice; keeping it is not choosing one.
            throw new UserRuleViolation("newPassword", "password.same");
        }
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        user.setMustChangePassword(false);
        audit.record(AuditEvent.of("PASSWORD_CHANGED", "USER", user.getId(), "user.passwordChanged",
                user.getUsername()));
    }

    /** The owner sets or clears a user's address; a new address forgets that the old one was refused. */
    @Transactional
    void changeEmail(Long id, String address) {
        User user = users.findById(id).orElseThrow(() -> new UserRuleViolation("email", "user.notFound"));
        String email = email(address);
        if (java.util.Objects.equals(email, user.getEmail())) {
            return;
        }
        String old = user.getEmail();
        user.setEmail(email);
        audit.record(AuditEvent.of("CHANGED", "USER", user.getId(), "user.emailChanged", user.getUsername())
                .withChanges(List.of(AuditEvent.FieldChange.of("email", old, email))));
    }

    /** The language the user just chose in the application, kept for what is written to them while away. */
    @Transactional
    void rememberLanguage(String username, Locale language) {
        String code = language.getLanguage();
        if (!code.equals("en") && !code.equals("it")) {
            return;
        }
        users.findByUsername(username).filter(u -> !code.equals(u.getLanguage())).ifPresent(u -> u.setLanguage(code));
    }

    @Override
    @Transactional
    public void refused(long userId, String address) {
        users.findById(userId).filter(u -> address != null && address.equalsIgnoreCase(u.getEmail()))
                .ifPresent(u -> u.setEmailRefusedAt(Instant.now(clock)));
    }

    /** Blank: no address. Otherwise one plausible address, as typed but trimmed; the SMTP server judges the rest. */
    static String email(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String email = typed.trim();
        if (email.length() > 320 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new UserRuleViolation("email", "user.email.invalid");
        }
        return email;
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserContact> contacts() {
        return users.findAllOrdered().stream().map(User::contact).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserContact> contact(String username) {
        return username == null ? Optional.empty() : users.findByUsername(username.trim()).map(User::contact);
    }

    private long enabledOwners() {
        return users.findAll().stream().filter(u -> u.getRole() == Role.OWNER && u.isEnabled()).count();
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserSummary> all() {
        return users.findAllOrdered().stream().map(User::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserSummary> accountManagers() {
        return users.findAllOrdered().stream()
                .filter(u -> u.isEnabled() && u.getRole() != Role.STAFF)
                .map(User::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserSummary> byUsername(String username) {
        return username == null ? Optional.empty() : users.findByUsername(username.trim().toLowerCase(Locale.ROOT)).map(User::summary);
    }

    @Override
    public Optional<Long> idOf(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return jdbc.query("select id from app_user where username = ?", (rs, n) -> rs.getLong(1),
                username.trim().toLowerCase(Locale.ROOT)).stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserSummary> byId(Long id) {
        return id == null ? Optional.empty() : users.findById(id).map(User::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> accountCreatedAt(Long id) {
        return id == null ? Optional.empty() : users.findById(id).map(User::getCreatedAt);
    }
}
