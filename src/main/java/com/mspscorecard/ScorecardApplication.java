package com.mspscorecard;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class ScorecardApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScorecardApplication.class, args);
    }

    /** The one source of "now", so that tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
