package com.mspscorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * PRODUCT §1 as a table: every endpoint, every role, allowed or denied — checked on the
 * server. Modules add rows in {@code src/test/resources/role-matrix/*.csv}; anonymous callers
 * are sent to the login page (pages) or get 401 (API).
 */
@SpringBootTest
@AutoConfigureMockMvc
class RoleMatrixTests {

    private static final String[] ROLES = { "OWNER", "ACCOUNT_MANAGER", "STAFF" };

    @Autowired
    MockMvc mvc;

    /** Pages that act on "my own" data look the signed-in user up, so the matrix users exist. */
    @org.junit.jupiter.api.BeforeEach
    void matrixUsersExist() {
        for (String role : ROLES) {
            com.mspscorecard.support.TestUsers.ensure("matrix-" + role.toLowerCase(), role);
        }
    }

    static Stream<Arguments> matrix() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:role-matrix/*.csv")) {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(line -> {
                    String[] cells = line.split(",");
                    for (int i = 0; i < ROLES.length; i++) {
                        rows.add(Arguments.of(cells[0], cells[1], ROLES[i], "allow".equals(cells[2 + i])));
                    }
                    rows.add(Arguments.of(cells[0], cells[1], "anonymous", false));
                });
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {2}: allowed={3}")
    @MethodSource("matrix")
    void everyEndpointAnswersEachRoleAsTheTableSays(String method, String path, String role, boolean allowed)
            throws Exception {
        MockHttpServletRequestBuilder call = request(HttpMethod.valueOf(method), path).with(csrf());
        if (!role.equals("anonymous")) {
            call.with(user("matrix-" + role.toLowerCase()).roles(role));
        }
        if (path.startsWith("/api/")) {
            call.contentType("application/json").content("{}");
        }
        int status = mvc.perform(call).andReturn().getResponse().getStatus();
        if (role.equals("anonymous")) {
            assertThat(status).as("anonymous %s %s", method, path).isIn(path.startsWith("/api/") ? List.of(401) : List.of(302));
        }
        else if (allowed) {
            assertThat(status).as("%s %s as %s", method, path, role).isNotIn(401, 403);
        }
        else {
            assertThat(status).as("%s %s as %s", method, path, role).isEqualTo(403);
        }
    }
}
