package com.mspscorecard.users;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions are in PostgreSQL, so while it cannot be reached, a signed-in browser's request fails
 * before any controller runs, while its session is read or saved. Such a request gets the
 * application's "temporarily unavailable" answer (503, {@code Retry-After}) rather than a 500: the
 * session is not lost, and the page works again once the database is back.
 */
class SessionStoreUnavailable extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (DataAccessResourceFailureException | TransientDataAccessException | CannotCreateTransactionException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            response.setHeader("Retry-After", SecurityConfiguration.RETRY_AFTER_SECONDS);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }
}
