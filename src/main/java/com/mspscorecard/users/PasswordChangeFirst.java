package com.mspscorecard.users;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user created by the owner signs in with a password the owner chose, and must choose their
 * own before anything else: every page but the password page (and signing out) leads there. On
 * the API, HTTP Basic with that password is refused (403) until then; personal API tokens are
 * unaffected, since only a user who has been through the password page can have made one.
 */
class PasswordChangeFirst extends OncePerRequestFilter {

    /** Carried by such a user's sign-in until they have chosen their password. */
    static final String AUTHORITY = "PASSWORD_CHANGE_REQUIRED";

    static final String PAGE = "/account/password";

    private final boolean api;

    private final SecurityConfiguration.ProblemResponses problems;

    private PasswordChangeFirst(boolean api, SecurityConfiguration.ProblemResponses problems) {
        this.api = api;
        this.problems = problems;
    }

    static PasswordChangeFirst forPages() {
        return new PasswordChangeFirst(false, null);
    }

    static PasswordChangeFirst forApi(SecurityConfiguration.ProblemResponses problems) {
        return new PasswordChangeFirst(true, problems);
    }

    static boolean required(Authentication authentication) {
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> AUTHORITY.equals(a.getAuthority()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!required(SecurityContextHolder.getContext().getAuthentication())) {
            chain.doFilter(request, response);
            return;
        }
        if (api) {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                problems.passwordChangeRequired(request, response);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(PAGE) || path.equals("/logout") || path.equals("/error") || path.startsWith("/webjars/")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/")
                || path.equals("/favicon.ico") || path.startsWith("/actuator/health")) {
            chain.doFilter(request, response);
            return;
        }
        response.sendRedirect(request.getContextPath() + PAGE);
    }
}
