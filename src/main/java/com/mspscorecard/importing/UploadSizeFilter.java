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

    /** A raw PSA export's request: the export's 200 MB and the form around it. */
    static final long MAX_RAW_REQUEST_BYTES = PsaUploads.MAX_BYTES + 1024L * 1024;

    private final long limit;
    private final String pageRedirect;
    private final String apiDetail;

    /** The snapshot CSV's page: 21 MB. */
    UploadSizeFilter() {
        this(MAX_REQUEST_BYTES, "/imports?too_large", "The file is larger than 20 MB, the most one import can take. "
                + "Split it into smaller files, for example one per year.");
    }

    UploadSizeFilter(long limit, String pageRedirect, String apiDetail) {
        this.limit = limit;
        this.pageRedirect = pageRedirect;
        this.apiDetail = apiDetail;
    }

    /**
     * The raw exports' page and the API, which takes both a snapshot CSV (20 MB, checked once the
     * kind of file is known) and a raw export (200 MB, spooled to disk).
     */
    static UploadSizeFilter forRawExports() {
        return new UploadSizeFilter(MAX_RAW_REQUEST_BYTES, "/imports?psa_too_large", "The file is larger than 200 MB, "
                + "the most one raw PSA export can take (a snapshot CSV: 20 MB). Export a shorter period.");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod()) || request.getContentLengthLong() <= limit) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                    + "\"detail\":\"" + apiDetail + "\",\"instance\":\"" + request.getRequestURI() + "\","
                    + "\"code\":\"file.too_large\"}");
            return;
        }
        response.sendRedirect(request.getContextPath() + pageRedirect);
    }
}
