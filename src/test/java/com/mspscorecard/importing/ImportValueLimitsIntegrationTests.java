package com.mspscorecard.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.mspscorecard.metrics.Metric;
import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The preview refuses exactly what the database cannot hold, for every field: the largest value
 * a column takes (read from the schema itself) imports, the next one up is refused in the dry run
 * with a message, and its commit is the same clear refusal, never a server error.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportValueLimitsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    String client;
    long clientId;

    @BeforeEach
    void client() {
        TestUsers.ensure("lim-owner", "OWNER");
        client = "lim-" + UUID.randomUUID().toString().substring(0, 8);
        clientId = jdbc.queryForObject("insert into client (name) values (?) returning id", Long.class, client);
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void theLargestValueTheColumnHoldsImportsAndTheNextOneIsRefusedInThePreview(Metric metric) throws Exception {
        Map<String, Object> column = jdbc.queryForMap("""
                select data_type, numeric_precision, numeric_scale from information_schema.columns
                where table_name = 'monthly_snapshot' and column_name = ?""", metric.fieldName());
        BigDecimal largest;
        BigDecimal tooLarge;
        if ("integer".equals(column.get("data_type"))) {
            largest = BigDecimal.valueOf(Integer.MAX_VALUE);
            tooLarge = largest.add(BigDecimal.ONE);
        }
        else {
            int precision = ((Number) column.get("numeric_precision")).intValue();
            int scale = ((Number) column.get("numeric_scale")).intValue();
            tooLarge = BigDecimal.TEN.pow(precision - scale);
            largest = tooLarge.subtract(BigDecimal.ONE.movePointLeft(scale));
        }
        // Recommendations: implemented and ignored may not exceed those made, so only one of them is sent.
        String header = "client,month," + metric.fieldName() + "\n";

        for (boolean dryRun : new boolean[] { true, false }) {
            mvc.perform(api(header + client + ",2025-01," + tooLarge.toPlainString() + "\n", dryRun))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.status").value("rejected"))
                    .andExpect(jsonPath("$.errors[0].column").value(metric.fieldName()))
                    .andExpect(jsonPath("$.errors[0].message", containsString("too large")));
        }
        assertThat(jdbc.queryForObject("select count(*) from monthly_snapshot where client_id = ?", Long.class,
                clientId)).isZero();

        mvc.perform(api(header + client + ",2025-01," + largest.toPlainString() + "\n", false))
                .andExpect(status().isOk()).andExpect(jsonPath("$.new").value(1));
        assertThat(jdbc.queryForObject("select " + metric.fieldName() + "::numeric from monthly_snapshot where client_id = ?",
                BigDecimal.class, clientId)).isEqualByComparingTo(largest);
    }

    private MockHttpServletRequestBuilder api(String csv, boolean dryRun) {
        return post("/api/v1/imports").param("dry_run", String.valueOf(dryRun)).contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8)).with(user("lim-owner").roles("OWNER"));
    }
}
