package com.mspscorecard.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the servlet container sends every error: a page in the reader's language for browsers,
 * RFC 9457 problem+json for the API. Replaces Boot's error controller, whose model carries the
 * status's English reason phrase under {@code error}, a name the layout reads as a message key
 * (that was the "??Forbidden_en??" on every 403), and which answers JSON to some browser requests.
 * Nothing about the exception reaches the page: it is logged where it happened.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

    static final String VIEW = "error";

    /** Statuses with words of their own (503: the database is unreachable, said by sign-in too) ({@code error.<status>.title} and {@code .text}); others read as generic. */
    static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 405, 413, 500, 503);

    private final JsonMapper json;

    ErrorPages(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = statusOf(request);
        response.setStatus(status);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && ApiRequests.isApi(request.getContextPath(), uri)) {
            writeProblem(response, status, uri);
            return null;
        }
        String words = EXPLAINED.contains(status) ? "error." + status : "error.generic";
        return new ModelAndView(VIEW, Map.of("status", status, "titleKey", words + ".title", "textKey",
                words + ".text"), HttpStatus.valueOf(status));
    }

    /**
     * The status the container reports; {@code /error} opened by hand is not an error that
     * happened, so it is a page that does not exist (it used to answer 500).
     */
    static int statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (request.getDispatcherType() != DispatcherType.ERROR || !(code instanceof Integer status)) {
            return HttpServletResponse.SC_NOT_FOUND;
        }
        return HttpStatus.resolve(status) == null ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : status;
    }

    private void writeProblem(HttpServletResponse response, int status, String uri) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.valueOf(status).getReasonPhrase());
        problem.put("status", status);
        problem.put("instance", uri);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
