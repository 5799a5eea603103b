package com.mspscorecard.users;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 11, defect 4: while the database cannot be reached, sign-in answers 503 (not 401, not
 * "wrong password") and counts nothing, so nobody is locked out once the database is back.
 */
@SpringBootTest(properties = "spring.datasource.hikari.maximum-pool-size=3")
@AutoConfigureMockMvc
@Import(DatabaseOutageIntegrationTests.BreakableDatabase.class)
@DirtiesContext // a context of its own that nothing else reuses: give its connections back

class DatabaseOutageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anOutageAnswers503AndLocksNobodyOutAfterwards() throws Exception {
        TestUsers.ensure("outage-user", "ACCOUNT_MANAGER");
        mvc.perform(get("/login")).andExpect(status().isOk());
        jakarta.servlet.http.Cookie session = SignInRequests.sessionCookie(
                mvc.perform(formLogin().user("outage-user").password(TestUsers.PASSWORD)).andReturn());

        BreakableDatabase.down = true;
        try {
            for (int i = 0; i < 8; i++) {
                mvc.perform(get("/api/v1/clients").with(httpBasic("outage-user", TestUsers.PASSWORD)))
                        .andExpect(status().isServiceUnavailable())
                        .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                        .andExpect(header().exists("Retry-After"))
                        .andExpect(jsonPath("$.status").value(503));
                mvc.perform(formLogin().user("outage-user").password(TestUsers.PASSWORD))
                        .andExpect(unauthenticated()).andExpect(status().isServiceUnavailable());
            }
            mvc.perform(get("/api/v1/clients").header("Authorization", "Bearer msp_anything"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.status").value(503));
            // Sessions are in the database too: a signed-in page is "temporarily unavailable", not a 500.
            mvc.perform(get("/clients").cookie(session))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().exists("Retry-After"));
        }
        finally {
            BreakableDatabase.down = false;
        }

        // The session outlived the outage.
        mvc.perform(get("/clients").cookie(session)).andExpect(status().isOk());
        mvc.perform(formLogin().user("outage-user").password(TestUsers.PASSWORD)).andExpect(authenticated());
        mvc.perform(get("/api/v1/clients").with(httpBasic("outage-user", TestUsers.PASSWORD)))
                .andExpect(status().isOk());
    }

    /** Wraps the pool so a test can make every new connection fail, as Hikari does when PostgreSQL is gone. */
    @TestConfiguration(proxyBeanMethods = false)
    static class BreakableDatabase {

        static volatile boolean down;

        @Bean
        static BeanPostProcessor breakableDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource ds && !(bean instanceof Switch) ? new Switch(ds) : bean;
                }
            };
        }

        record Switch(DataSource pool) implements DataSource {

            @Override
            public Connection getConnection() throws SQLException {
                if (down) {
                    throw new SQLTransientConnectionException("HikariPool-1 - Connection is not available (test outage)");
                }
                return pool.getConnection();
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return getConnection();
            }

            @Override
            public PrintWriter getLogWriter() throws SQLException {
                return pool.getLogWriter();
            }

            @Override
            public void setLogWriter(PrintWriter out) throws SQLException {
                pool.setLogWriter(out);
            }

            @Override
            public void setLoginTimeout(int seconds) throws SQLException {
                pool.setLoginTimeout(seconds);
            }

            @Override
            public int getLoginTimeout() throws SQLException {
                return pool.getLoginTimeout();
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                return pool.getParentLogger();
            }

            @Override
            public <T> T unwrap(Class<T> iface) throws SQLException {
                return iface.isInstance(this) ? iface.cast(this) : pool.unwrap(iface);
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) throws SQLException {
                return iface.isInstance(this) || pool.isWrapperFor(iface);
            }
        }
    }
}
