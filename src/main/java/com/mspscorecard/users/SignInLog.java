package com.mspscorecard.users;

import java.util.List;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes sign-ins, failed password checks and lockouts to the application log and the audit
 * log. Never a password, and never a username nobody has: people type passwords into the
 * username field, so an unknown name is recorded as {@link #UNKNOWN}. Each audit row has a
 * transaction of its own, so it survives the rollback of a refused password change, and a
 * failure to write it (the database is down) costs a log line, never the answer.
 */
@Component
class SignInLog {

    /** The audit actor of a failure for a username that does not exist. */
    static final String UNKNOWN = "anonymous";

    private static final Log log = LogFactory.getLog(SignInLog.class);

    private final AuditTrail audit;

    private final TransactionTemplate ownTransaction;

    SignInLog(AuditTrail audit, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A form sign-in; API calls with HTTP Basic sign in on every request and only reach the debug log. */
    void signedIn(String username, String address, boolean interactive) {
        if (!interactive) {
            if (log.isDebugEnabled()) {
                log.debug("API sign-in of " + clean(username) + " from " + clean(address));
            }
            return;
        }
        log.info("Sign-in of " + clean(username) + " from " + clean(address));
        audit(username, AuditEvent.of("SIGNED_IN", "USER", null, "signIn", clean(address)));
    }

    /**
     * @param knownUsername the user's name when such a user exists, {@code null} otherwise
     * @param reason       what was wrong, in a few words ("wrong password", "account disabled")
     */
    void failed(String action, String knownUsername, String address, String reason) {
        String who = knownUsername == null ? "an unknown username" : clean(knownUsername);
        log.warn(label(action) + " failed for " + who + " from " + clean(address) + ": " + reason);
        audit(knownUsername == null ? UNKNOWN : knownUsername, AuditEvent.of(action, "USER", null,
                "PASSWORD_CHECK_FAILED".equals(action) ? "passwordCheck.failed" : "signIn.failed", clean(address),
                new AuditEvent.Word("audit.reason." + reason.replace(' ', '_'))));
    }

    void lockedOut(String knownUsername, String address, List<SignInThrottle.Lockout> lockouts) {
        for (SignInThrottle.Lockout lockout : lockouts) {
            String what = lockout == SignInThrottle.Lockout.ADDRESS
                    ? "Sign-ins from " + clean(address) + " refused for "
                            + SignInThrottle.ADDRESS_LOCK.toMinutes() + " minutes after "
                            + SignInThrottle.ADDRESS_LOCK_AFTER + " failures"
                    : "Sign-ins as " + (knownUsername == null ? "an unknown username" : clean(knownUsername))
                            + " from " + clean(address) + " refused for " + SignInThrottle.PAIR_LOCK.toMinutes()
                            + " minutes after " + SignInThrottle.PAIR_LOCK_AFTER + " failures";
            log.warn(what);
            audit(lockout == SignInThrottle.Lockout.ADDRESS || knownUsername == null ? UNKNOWN : knownUsername,
                    lockout == SignInThrottle.Lockout.ADDRESS
                            ? AuditEvent.of("SIGN_IN_LOCKED", "USER", null, "signIn.lockedAddress", clean(address),
                                    SignInThrottle.ADDRESS_LOCK.toMinutes(), SignInThrottle.ADDRESS_LOCK_AFTER)
                            : AuditEvent.of("SIGN_IN_LOCKED", "USER", null, "signIn.lockedUser",
                                    knownUsername == null ? new AuditEvent.Word("audit.unknownUsername")
                                            : clean(knownUsername),
                                    clean(address), SignInThrottle.PAIR_LOCK.toMinutes(),
                                    SignInThrottle.PAIR_LOCK_AFTER));
        }
    }

    /** Refused unchecked by the throttle: frequent under attack, so the debug log only. */
    void refused(String address, SignInThrottle.Refusal refusal) {
        if (log.isDebugEnabled()) {
            log.debug("Sign-in from " + clean(address) + " refused without a check: " + refusal);
        }
    }

    void unavailable(String address, Exception cause) {
        log.warn("Sign-in from " + clean(address) + " not checked, the user store is unavailable: "
                + cause.getClass().getSimpleName());
    }

    private void audit(String actor, AuditEvent event) {
        try {
            ownTransaction.executeWithoutResult(status -> audit.recordAs(actor, event));
        }
        catch (RuntimeException e) {
            log.warn("Could not write the audit entry " + event.action() + ": " + e.getClass().getSimpleName());
        }
    }

    private static String label(String action) {
        return "PASSWORD_CHECK_FAILED".equals(action) ? "Current-password check" : "Sign-in";
    }

    /** Keeps log lines one line each: no control characters from a header or form field. */
    static String clean(String value) {
        if (value == null) {
            return "-";
        }
        String capped = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return capped.replaceAll("\\p{Cntrl}", "?");
    }
}
