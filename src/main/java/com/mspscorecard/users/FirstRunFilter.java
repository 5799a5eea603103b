package com.mspscorecard.users;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/** While no user exists, every page leads to {@code /setup}, where the owner is created. */
class FirstRunFilter extends OncePerRequestFilter {

    private final UserService users;

    FirstRunFilter(UserService users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The path first: health probes must not need the database to get through, or a lost
        // database turns readiness's 503 into a 500.
        if (!allowedBeforeSetup(request.getRequestURI().substring(request.getContextPath().length()))
                && !users.anyUserExists()) {
            response.sendRedirect(request.getContextPath() + "/setup");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean allowedBeforeSetup(String path) {
        return path.equals("/setup") || path.equals("/error") || path.startsWith("/webjars/")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/")
                || path.equals("/favicon.ico") || path.startsWith("/actuator/health");
    }
}
