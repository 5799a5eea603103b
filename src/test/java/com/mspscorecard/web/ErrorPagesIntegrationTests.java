package com.mspscorecard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.mspscorecard.support.SignedInHttp;
import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error a browser can reach shows the application's own page, in the reader's language,
 * with the right status; the API keeps answering in problem+json. Run against a real server:
 * the servlet container's error dispatch is part of what a person meets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesIntegrationTests {

    @LocalServerPort
    int port;

    @BeforeEach
    void users() {
        TestUsers.ensure("err-owner", "OWNER");
        TestUsers.ensure("err-staff", "STAFF");
    }

    @Test
    void anUnknownAddressShowsTheNotFoundPageInEnglishAndItalian() {
        assertErrorPage(SignedInHttp.as(port, "err-owner").get("/no-such-page"), 404, "Page not found");
        assertErrorPage(SignedInHttp.as(port, "err-owner").language("it").get("/no-such-page"), 404,
                "Pagina non trovata");
        assertErrorPage(SignedInHttp.as(port, "err-owner").get("/no-such-page?lang=it"), 404, "Pagina non trovata");
    }

    @Test
    void anUnknownClientShowsTheNotFoundPageNotJson() {
        assertErrorPage(SignedInHttp.as(port, "err-owner").get("/clients/999999"), 404, "Page not found");
        assertErrorPage(SignedInHttp.as(port, "err-owner").language("it").get("/clients/999999"), 404,
                "Pagina non trovata");
        assertErrorPage(SignedInHttp.as(port, "err-owner").get("/clients/999999/scorecard"), 404, "Page not found");
        assertErrorPage(SignedInHttp.as(port, "err-staff").get("/clients/999999"), 404, "Page not found");
    }

    @Test
    void aForbiddenPageSaysSoWithoutUnresolvedKeys() {
        assertErrorPage(SignedInHttp.as(port, "err-staff").get("/users"), 403, "Not allowed");
        assertErrorPage(SignedInHttp.as(port, "err-staff").language("it").get("/audit"), 403,
                "Accesso non consentito");
    }

    @Test
    void aWrongMethodAndAMalformedAddressAreExplained() {
        assertErrorPage(SignedInHttp.as(port, "err-owner").get("/incidents/1/delete"), 405, "Method not allowed");
        assertErrorPage(SignedInHttp.as(port, "err-owner").language("it").get("/incidents/1/delete"), 405,
                "Metodo non consentito");
        assertErrorPage(SignedInHttp.as(port, "err-owner").get("/clients/abc"), 400, "Request not valid");
        assertErrorPage(SignedInHttp.as(port, "err-owner").language("it").get("/clients/abc"), 400,
                "Richiesta non valida");
    }

    @Test
    void theErrorAddressRequestedDirectlyIsNotFound() {
        assertErrorPage(SignedInHttp.as(port, "err-owner").get("/error"), 404, "Page not found");
        assertErrorPage(SignedInHttp.anonymous(port).get("/error"), 404, "Page not found");
    }

    @Test
    void anIncidentForAClientThatIsNotANumberIsRefusedWithoutAServerError() {
        HttpResponse<String> page = SignedInHttp.as(port, "err-staff").submit("/incidents", "/incidents",
                Map.of("clientId", "abc", "occurredOn", "2025-04-01", "category", "OTHER", "description", "x"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Choose the client").doesNotContain("??");
    }

    @Test
    void anAuditPageFarBeyondTheLastIsNotFound() {
        assertErrorPage(SignedInHttp.as(port, "err-owner").get("/audit?page=99999999"), 404, "Page not found");
        assertErrorPage(SignedInHttp.as(port, "err-owner").get("/audit?page=" + Integer.MAX_VALUE), 404,
                "Page not found");
    }

    @Test
    void theApiKeepsAnsweringInProblemJson() throws Exception {
        for (String path : new String[] { "/api/v1/clients/999999", "/api/v1/no-such-call" }) {
            HttpResponse<String> response = api("GET", path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path)
                    .startsWith("application/problem+json");
            assertThat(response.body()).as(path).contains("\"status\":404");
        }
        HttpResponse<String> wrongMethod = api("DELETE", "/api/v1/clients");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    private HttpResponse<String> api(String method, String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("err-owner:" + TestUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertErrorPage(HttpResponse<String> response, int status, String heading) {
        String uri = response.uri().toString();
        assertThat(response.statusCode()).as("status of %s", uri).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as("type of %s", uri)
                .startsWith("text/html");
        assertThat(response.body()).as("page of %s", uri)
                .contains("<h1 class=\"h3\">" + heading + "</h1>")
                .contains("MSP Scorecard")
                .doesNotContain("??")
                .doesNotContain("\"status\":")
                .doesNotContain("Exception")
                .doesNotContain("at com.mspscorecard");
    }
}
