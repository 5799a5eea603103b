package com.mspscorecard.users;

import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Looks up a made-up API token once at start-up, before the application reports itself ready: the
 * first call of a script after a start (a monthly import) otherwise pays for the token lookup's
 * first query (Spring Data's and Hibernate's first use of it, about 0.1 s of a 1.3 s import, sampled in
 * session 9, bench/README.md). The token matches nothing, so nothing is read or touched.
 * {@code scorecard.warm-up=false} turns it off (the tests do).
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "scorecard.warm-up", havingValue = "true", matchIfMissing = true)
class ApiTokenWarmUp implements ApplicationRunner {

    private final ApiTokenService tokens;

    ApiTokenWarmUp(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public void run(ApplicationArguments args) {
        tokens.authenticate(ApiTokenService.PREFIX + "start-up-warm-up-" + UUID.randomUUID());
    }
}
