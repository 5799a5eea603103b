package com.mspscorecard.users;

import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC), and Spring Session records every request's
 * access time: one UPDATE and one committed transaction, with its flush to disk, per page view.
 * Here the update skips a row whose stored access time is less than {@value #ACCESS_GRANULARITY_MS}
 * milliseconds old and whose id, time-out and user are unchanged; a sign-in, a new session id or a
 * changed time-out is still written at once. The price: an idle session may end up to one minute
 * before its 30 minutes are up. Measured with the pages benchmark: the write was the only one a
 * page view made, and its flush the largest wait of a cached dashboard.
 *
 * <p>Spring Session binds the update's six values in a fixed order (session id, access time, time-out,
 * expiry, user name, row key); the statement takes them once, as a row, and compares.
 */
@Configuration(proxyBeanMethods = false)
class SessionWrites {

    static final long ACCESS_GRANULARITY_MS = 60_000;

    static final String UPDATE_WHEN_CHANGED = """
            UPDATE %TABLE_NAME% AS s
            SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
                MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time,
                PRINCIPAL_NAME = v.principal_name
            FROM (SELECT CAST(? AS CHAR(36)) AS session_id, CAST(? AS BIGINT) AS last_access_time,
                         CAST(? AS INT) AS max_inactive_interval, CAST(? AS BIGINT) AS expiry_time,
                         CAST(? AS VARCHAR(100)) AS principal_name, CAST(? AS CHAR(36)) AS primary_id) AS v
            WHERE s.PRIMARY_ID = v.primary_id
              AND (s.SESSION_ID <> v.session_id
                   OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
                   OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
                   OR s.LAST_ACCESS_TIME <= v.last_access_time - """ + ACCESS_GRANULARITY_MS + ")";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> writeAccessTimesOncePerMinute() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_WHEN_CHANGED);
    }
}
