package com.mspscorecard.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own errors (unknown address, wrong method, unreadable parameter, a
 * {@code ResponseStatusException}, an upload over the limit): problem+json for the API as
 * before, the application's error page for everyone else. Boot's default handler answered
 * problem+json to browsers too, which is how {@code /clients/9999} showed raw JSON. Pages go
 * through the container's error dispatch, so every error page is drawn by {@link ErrorPages}.
 */
@ControllerAdvice
class ErrorResponses extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
                && !ApiRequests.isApi(servlet.getRequest().getContextPath(), servlet.getRequest().getRequestURI())) {
            return sendToErrorPage(servlet.getRequest(), servlet.getResponse(), headers, statusCode);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static ResponseEntity<Object> sendToErrorPage(HttpServletRequest request, HttpServletResponse response,
            HttpHeaders headers, HttpStatusCode statusCode) {
        if (response.isCommitted()) {
            return null;
        }
        // Allow (405) and Accept (415) tell the client what would have worked.
        headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        try {
            response.sendError(statusCode.value());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }
}
