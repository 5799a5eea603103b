package com.mspscorecard.clients;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * RFC 9457 problems for the JSON API (clients, metrics and incidents above all): a 400 lists every broken
 * field in {@code errors} ({@code field} in the API's snake_case, {@code message} in the
 * caller's language), a stale client edit is a 409.
 */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
// Only @RestController beans: an advice's selectors are OR-ed, so naming the packages as well made
// this advice answer the browser pages of those packages too (an unknown /clients/{id} showed JSON).
// Browser pages get the application's error page from the web module.
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput invalid, HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = invalid.problems().stream()
                .map(p -> Map.of("field", apiFieldName(p.field()), "message",
                        messages.getMessage(p.code(), p.args().toArray(), p.code(), locale)))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid input",
                "Some fields are not valid; see errors.", request, errors);
    }

    @ExceptionHandler(ClientConflict.class)
    ResponseEntity<ProblemDetail> conflict(ClientConflict conflict, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.CONFLICT, "Stale version",
                "Someone else changed this client; it is now at version " + conflict.current().getVersion()
                        + ". Read it again and re-apply your change.", request, null);
        response.getBody().setProperty("current_version", conflict.current().getVersion());
        return response;
    }

    @ExceptionHandler(ClientNotFound.class)
    ResponseEntity<ProblemDetail> notFound(ClientNotFound notFound, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "Not found", notFound.getMessage(), request, null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        JacksonException jackson = null;
        for (Throwable cause = e; cause != null && jackson == null; cause = cause.getCause()) {
            if (cause instanceof JacksonException j && !j.getPath().isEmpty()) {
                jackson = j;
            }
        }
        if (jackson != null) {
            String field = jackson.getPath().stream().map(JacksonException.Reference::getPropertyName)
                    .filter(n -> n != null).reduce((a, b) -> b).orElse("body");
            String message = messages.getMessage("typeMismatch", null, "Not a valid value.",
                    LocaleContextHolder.getLocale());
            return problem(HttpStatus.BAD_REQUEST, "Invalid input", "A value has the wrong type; see errors.",
                    request, List.of(Map.of("field", field, "message", message)));
        }
        return problem(HttpStatus.BAD_REQUEST, "Unreadable body", "The body is not valid JSON.", request, null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badPath(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", "Path or parameter '" + e.getName()
                + "' is not valid.", request, List.of(Map.of("field", e.getName(), "message",
                messages.getMessage("typeMismatch", null, "Not a valid value.", LocaleContextHolder.getLocale()))));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
            HttpServletRequest request, List<Map<String, String>> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setInstance(URI.create(request.getRequestURI()));
        if (errors != null) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(PROBLEM).body(body);
    }

    /** Form fields are camelCase in Java; the API speaks snake_case and names the manager by username. */
    static String apiFieldName(String field) {
        if (field.equals("accountManagerId")) {
            return "account_manager";
        }
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
