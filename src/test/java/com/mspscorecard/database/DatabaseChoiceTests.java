package com.mspscorecard.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.mock.env.MockEnvironment;

import com.mspscorecard.ScorecardApplication;
import com.mspscorecard.TestDatabase;
import com.mspscorecard.TestDatabaseEnvironment;

/** Which database the application picks, and how it says so when it cannot have it. */
class DatabaseChoiceTests {

    @Test
    void aConfiguredUrlThatPointsNowhereFailsStartUpWithinSecondsWithOneClearLine() throws Exception {
        int closedPort = freePort();
        long started = System.nanoTime();

        assertThatThrownBy(() -> new SpringApplicationBuilder(ScorecardApplication.class)
                .properties(TestDatabaseEnvironment.OWN_DATABASE + "=true",
                        "spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closedPort + "/scorecard",
                        "server.port=0")
                .run())
                .isInstanceOf(DatabaseStartupException.class)
                .satisfies(failure -> {
                    FailureAnalysis analysis = new DatabaseFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getDescription())
                            .startsWith("Cannot reach the PostgreSQL server at 127.0.0.1:" + closedPort
                                    + " set in spring.datasource.url")
                            .doesNotContain("\n");
                    assertThat(analysis.getAction()).contains("never falls back to the embedded database");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aServerThatDoesNotAnswerAtAllIsGivenUpOnAfterAFewSeconds() {
        // TEST-NET-1 is never routed: the connection attempt hangs until the timeout, or is refused at once.
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://192.0.2.1:5432/scorecard");
        long started = System.nanoTime();

        assertThatThrownBy(() -> new DatabaseChoice().choose(env))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessageStartingWith("Cannot reach the PostgreSQL server at 192.0.2.1:5432");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void aConfiguredUrlThatAnswersIsUsedAsItIs() {
        TestDatabase db = TestDatabase.get();
        MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", db.url());

        assertThat(new DatabaseChoice().choose(env)).isEqualTo(DatabaseChoice.Choice.CONFIGURED);
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo(db.url());
        assertThat(env.getProperty("server.address")).isNull();
    }

    @Test
    void withNothingConfiguredAServerOnThisMachineIsUsed() throws Exception {
        try (ServerSocket localServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            MockEnvironment env = new MockEnvironment()
                    .withProperty(DatabaseChoice.LOCAL_SERVER_PORT, String.valueOf(localServer.getLocalPort()));

            assertThat(new DatabaseChoice().choose(env)).isEqualTo(DatabaseChoice.Choice.LOCAL_SERVER);
            assertThat(env.getProperty("spring.datasource.url"))
                    .startsWith("jdbc:postgresql://localhost:" + localServer.getLocalPort() + "/scorecard?");
            assertThat(env.getProperty("server.address")).isNull();
        }
    }

    @Test
    void readsHostAndPortOutOfTheUrlsPeopleWrite() {
        assertThat(DatabaseChoice.serverAddress("jdbc:postgresql://db:6543/scorecard?ssl=true"))
                .contains(InetSocketAddress.createUnresolved("db", 6543));
        assertThat(DatabaseChoice.serverAddress("jdbc:postgresql://db.example.com/scorecard"))
                .contains(InetSocketAddress.createUnresolved("db.example.com", 5432));
        assertThat(DatabaseChoice.serverAddress("jdbc:postgresql://[::1]:5433/x"))
                .contains(InetSocketAddress.createUnresolved("::1", 5433));
        assertThat(DatabaseChoice.serverAddress("jdbc:postgresql:scorecard"))
                .contains(InetSocketAddress.createUnresolved("localhost", 5432));
        // Several hosts: the driver's own failover decides; not second-guessed here.
        assertThat(DatabaseChoice.serverAddress("jdbc:postgresql://a:5432,b:5432/x")).isEmpty();
    }

    /**
     * The test run touches only databases it created: when the application decides on its
     * database and would create a missing one, the test database is already in place.
     */
    @Test
    void testContextsHaveTheirDatabaseBeforeTheApplicationDecides() {
        AtomicReference<ConfigurableEnvironment> seen = new AtomicReference<>();
        ApplicationListener<ApplicationEnvironmentPreparedEvent> spy = new SpyAfterDatabaseChoice(seen);

        new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE).listeners(spy).run().close();

        assertThat(seen.get().getProperty("spring.datasource.url")).isEqualTo(TestDatabase.get().url());
        assertThat(seen.get().getProperty("scorecard.database.create-if-missing", Boolean.class)).isFalse();
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    private record SpyAfterDatabaseChoice(AtomicReference<ConfigurableEnvironment> seen)
            implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            seen.set(event.getEnvironment());
        }

        @Override
        public int getOrder() {
            return new DatabaseChoice().getOrder() - 1;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
