package com.mspscorecard;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class ScorecardApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScorecardApplication.class, args);
    }

    /**
     * The one source of "now", so that tests can move time, in the installation's time zone
     * ({@code scorecard.time-zone}, e.g. {@code Europe/Rome}; empty: the server's): "today" is that
     * zone's date.
     */
    @Bean
    Clock clock(@Value("${scorecard.time-zone:}") String timeZone) {
        if (timeZone.isBlank()) {
            return Clock.systemDefaultZone();
        }
        try {
            return Clock.system(ZoneId.of(timeZone.trim()));
        } catch (DateTimeException e) {
            throw new IllegalStateException("SCORECARD_TIME_ZONE (scorecard.time-zone) '" + timeZone
                    + "' is not a time zone; use a name such as Europe/Rome or UTC", e);
        }
    }
}
