package com.mspscorecard.demo;

import com.mspscorecard.users.DemoPortfolio;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --scorecard.demo=true} loads the demo portfolio at start-up into a database without
 * clients; after the owner from the environment is created (that runner has order 0), since the
 * demo's incidents need a user who logged them.
 */
@Component
@Order(10)
class DemoOnStartup implements ApplicationRunner {

    private final DemoPortfolio demo;
    private final boolean enabled;

    DemoOnStartup(DemoPortfolio demo, @Value("${scorecard.demo:false}") boolean enabled) {
        this.demo = demo;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            demo.loadIfEmpty();
        }
    }
}
