package com.mspscorecard.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client against a running test server: it keeps cookies, signs in through
 * the real login form and sends {@code Accept: text/html}. MockMvc does not follow the servlet
 * container's error dispatch, so what a person sees on an error is only visible this way.
 */
public final class SignedInHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient client;

    private final CookieManager cookies = new CookieManager();

    private final String baseUrl;

    private SignedInHttp(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Anonymous until {@link #signIn} is called. */
    public static SignedInHttp anonymous(int port) {
        return new SignedInHttp(port);
    }

    public static SignedInHttp as(int port, String username) {
        return new SignedInHttp(port).signIn(username, TestUsers.PASSWORD);
    }

    public SignedInHttp signIn(String username, String password) {
        String token = csrfFrom(get("/login").body());
        HttpResponse<String> response = postForm("/login",
                Map.of("username", username, "password", password, "_csrf", token));
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Could not sign in as " + username + ": " + response.statusCode());
        }
        return this;
    }

    /** Every later request carries this language cookie, as after choosing the language in the menu. */
    public SignedInHttp language(String language) {
        HttpCookie cookie = new HttpCookie("scorecard-lang", language);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(baseUrl), cookie);
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> send(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A form post that carries the CSRF token of {@code formPage}, as a real form would. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrfFrom(get(formPage).body()));
        return postForm(action, all);
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String csrfFrom(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token on the page");
        }
        return m.group(1);
    }
}
