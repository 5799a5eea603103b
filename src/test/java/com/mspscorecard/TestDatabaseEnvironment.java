package com.mspscorecard;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every Spring test context at {@link TestDatabase}; registered in the tests'
 * {@code META-INF/spring.factories} so no test class has to remember it.
 * <p>
 * An environment post-processor rather than a context initializer: the application decides
 * on its database (and creates a missing one) while the environment is prepared, which is
 * before any initializer runs. As an initializer this left the shipped default in place at
 * that moment, and every test run created an empty {@code scorecard} database on localhost.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    /** A test that starts the application on a database of its own sets this to true. */
    public static final String OWN_DATABASE = "scorecard.test.own-database";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty(OWN_DATABASE, Boolean.class, false)) {
            // Such a context brings its own database (an embedded one, or one that must fail to answer),
            // yet the environment may still name a server the tests did not create (SPRING_DATASOURCE_URL,
            // or localhost:5432/scorecard when nothing else is set): it must never create a database there.
            environment.getPropertySources().addFirst(new MapPropertySource("scorecardTestOwnDatabase",
                    Map.of("scorecard.database.create-if-missing", "false",
                            // The JIT warm-up at start-up (ScoringWarmUp, ImportWarmUp) serves a server's first import.
                            "scorecard.warm-up", "false")));
            return;
        }
        // A context that must start from an empty database asks for one of its own.
        boolean fresh = environment.getProperty("scorecard.test.fresh-database", Boolean.class, false);
        TestDatabase db = fresh ? TestDatabase.get().fresh() : TestDatabase.get();
        environment.getPropertySources().addFirst(new MapPropertySource("scorecardTestDatabase", Map.of(
                "spring.datasource.url", db.url(),
                "spring.datasource.username", db.username(),
                "spring.datasource.password", db.password(),
                "spring.test.database.replace", "none",
                "scorecard.database.create-if-missing", "false",
                // The JIT warm-up at start-up (ScoringWarmUp, ImportWarmUp) serves a server's first import.
                "scorecard.warm-up", "false",
                // Spring keeps every test context it has built; an idle one keeps one connection
                // instead of ten, so a whole run stays far below PostgreSQL's 100 connections.
                "spring.datasource.hikari.minimum-idle", "1",
                "spring.datasource.hikari.idle-timeout", "10000")));
    }
}
