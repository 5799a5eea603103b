package com.mspscorecard.users;

import java.util.List;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Asks the throttle before the password is hashed and tells it the outcome after. A throttled,
 * disabled or unknown user gets exactly the answer of a wrong password. An unreachable user store
 * ({@link AuthenticationServiceException}) is no wrong password: it is not counted and reaches
 * the caller as it is, who answers 503.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;

    private final SignInThrottle throttle;

    private final SignInLog signIns;

    /** Form sign-ins are audited one by one; HTTP Basic signs in on every API call. */
    private final boolean interactive;

    ThrottledAuthenticationProvider(AuthenticationProvider delegate, SignInThrottle throttle, SignInLog signIns,
            boolean interactive) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.signIns = signIns;
        this.interactive = interactive;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        SignInThrottle.Refusal refusal;
        try {
            refusal = throttle.refusal(address, username);
        }
        catch (DataAccessException e) {
            // The counts are in the database: without it nothing is checked, and nothing counted.
            AuthenticationServiceException unavailable = new AuthenticationServiceException("database unavailable", e);
            signIns.unavailable(address, unavailable);
            throw unavailable;
        }
        if (refusal != null) {
            signIns.refused(address, refusal);
            throw new BadCredentialsException("Bad credentials");
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            try {
                throttle.succeeded(address, username);
            }
            catch (DataAccessException e) {
                // The password was right: failures left uncleared only count towards a lock they would have.
            }
            signIns.signedIn(result.getName(), address, interactive);
            return result;
        }
        catch (AuthenticationServiceException e) {
            signIns.unavailable(address, e);
            throw e;
        }
        catch (UsernameNotFoundException e) {
            throw failed(address, username, null, "unknown username");
        }
        catch (AccountStatusException e) {
            throw failed(address, username, username, "account disabled");
        }
        catch (AuthenticationException e) {
            throw failed(address, username, username, "wrong password");
        }
    }

    private AuthenticationException failed(String address, String username, String knownUsername, String reason) {
        List<SignInThrottle.Lockout> lockouts;
        try {
            lockouts = throttle.failed(address, username);
        }
        catch (DataAccessException e) {
            AuthenticationServiceException unavailable = new AuthenticationServiceException("database unavailable", e);
            signIns.unavailable(address, unavailable);
            return unavailable;
        }
        signIns.failed("SIGN_IN_FAILED", knownUsername, address, reason);
        signIns.lockedOut(knownUsername, address, lockouts);
        return new BadCredentialsException("Bad credentials");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
