package com.mspscorecard.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Issue 11, defect 8: {@code X-Forwarded-For} names the client only when the request comes from a
 * proxy listed in {@code scorecard.trusted-proxies}. Real HTTP: the address is decided in Tomcat.
 */
class ForwardedForIntegrationTests {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    static int call(int port, String username, String password, String... forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/clients"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        for (String value : forwardedFor) {
            request.header("X-Forwarded-For", value);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = { "scorecard.trusted-proxies=127.0.0.1, ::1", "spring.datasource.hikari.maximum-pool-size=3" })
    @DirtiesContext // a context of its own that nothing else reuses: give its connections back
    class BehindATrustedProxy {

        @LocalServerPort
        int port;

        @Test
        void eachClientBehindTheProxyIsThrottledOnItsOwn() throws Exception {
            TestUsers.ensure("xff-user", "STAFF");
            for (int i = 0; i < 6; i++) {
                assertThat(call(port, "xff-user", "a guess " + i, "203.0.113.5")).isEqualTo(401);
            }
            assertThat(call(port, "xff-user", TestUsers.PASSWORD, "203.0.113.5")).isEqualTo(401);
            // A client cannot pick its address: the proxy appends the real one, and that one counts.
            assertThat(call(port, "xff-user", TestUsers.PASSWORD, "198.51.100.99, 203.0.113.5")).isEqualTo(401);
            assertThat(call(port, "xff-user", TestUsers.PASSWORD, "203.0.113.6")).isEqualTo(200);
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class WithoutTrustedProxies {

        @LocalServerPort
        int port;

        @Test
        void forwardedForIsIgnored() throws Exception {
            TestUsers.ensure("xff-direct", "STAFF");
            for (int i = 0; i < 6; i++) {
                assertThat(call(port, "xff-direct", "a guess " + i, "203.0.113." + (10 + i))).isEqualTo(401);
            }
            assertThat(call(port, "xff-direct", TestUsers.PASSWORD, "203.0.113.99")).isEqualTo(401);
        }
    }
}
