package com.mspscorecard.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Start-up work (the owner from the environment, the demo portfolio, the start-up rescore: the
 * application's {@link ApplicationRunner}s) runs on one instance at a time. The first runner takes
 * a PostgreSQL advisory lock and the last one gives it back, so an instance starting beside
 * another waits for the other's runners to finish and then finds their work done (an owner
 * exists, clients exist, scores are stored): each of those runners checks before it acts, so
 * the work happens once however many instances start together. A session-level lock on a
 * connection of its own: if the instance dies half-way, PostgreSQL releases it with the
 * connection.
 */
@Component
class StartupWorkLock {

    private static final Log log = LogFactory.getLog(StartupWorkLock.class);

    /** Any fixed number; advisory locks are the application's own namespace ("MSPSTART"). */
    static final long KEY = 0x4d5350_5354415254L;

    private final DataSource dataSource;

    private Connection held;

    StartupWorkLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    synchronized void acquire() {
        try {
            Connection connection = dataSource.getConnection();
            try (Statement statement = connection.createStatement()) {
                var free = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")");
                free.next();
                if (!free.getBoolean(1)) {
                    log.info("Another instance is doing its start-up work; waiting for it to finish");
                    statement.execute("select pg_advisory_lock(" + KEY + ")");
                }
            }
            catch (SQLException e) {
                connection.close();
                throw e;
            }
            held = connection;
        }
        catch (SQLException e) {
            throw new IllegalStateException("Could not take the start-up lock: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    synchronized void release() {
        if (held == null) {
            return;
        }
        try (Connection connection = held; Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + KEY + ")");
        }
        catch (SQLException e) {
            // Closing the connection released the lock anyway (or the database is gone, and it with it).
        }
        finally {
            held = null;
        }
    }

    /** Runs before every other runner. */
    @Component
    static class Take implements ApplicationRunner, Ordered {

        private final StartupWorkLock lock;

        Take(StartupWorkLock lock) {
            this.lock = lock;
        }

        @Override
        public void run(ApplicationArguments args) {
            lock.acquire();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** Runs after every other runner; a runner that failed stops the application, which releases it too. */
    @Component
    static class Give implements ApplicationRunner, Ordered {

        private final StartupWorkLock lock;

        Give(StartupWorkLock lock) {
            this.lock = lock;
        }

        @Override
        public void run(ApplicationArguments args) {
            lock.release();
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
