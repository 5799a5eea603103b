package com.mspscorecard.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers an upload bigger than the multipart limit (21 MB) with a friendly message before the
 * servlet container refuses it with a bare error: the import page shows why, the API says it in JSON.
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
            response.setStatus(422);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"status\":\"rejected\",\"rows\":0,\"new\":0,\"changed\":0,\"unchanged\":0,"
                    + "\"errors\":[{\"line\":null,\"column\":\"\",\"value\":\"\",\"message\":\"The file is larger than "
                    + "20 MB, the most one import can take. Split it into smaller files.\"}],"
                    + "\"code\":\"file.too_large\"}");
            return;
        }
        response.sendRedirect(request.getContextPath() + "/imports?too_large");
    }
}
