package com.mspscorecard.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers an upload bigger than the multipart limit (21 MB) with the application's own message
 * before the servlet container refuses it with a bare error: the import page shows why, in the
 * reader's language, and the API answers 413 as problem+json. The rest of the body is then read
 * and discarded by the container (up to {@code server.tomcat.max-swallow-size}), so that a
 * browser still sending it receives this answer instead of a reset connection.
 */
class UploadSizeFilter extends OncePerRequestFilter {

    static final long MAX_REQUEST_BYTES = 21L * 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod()) || request.getContentLengthLong() <= MAX_REQUEST_BYTES) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                    + "\"detail\":\"The file is larger than 20 MB, the most one import can take. Split it into smaller "
                    + "files, for example one per year.\",\"instance\":\"" + request.getRequestURI() + "\","
                    + "\"code\":\"file.too_large\"}");
            return;
        }
        response.sendRedirect(request.getContextPath() + "/imports?too_large");
    }
}
