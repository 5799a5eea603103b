package com.mspscorecard.voting;

import com.mspscorecard.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The "Staff vote" menu entry for every role, and the daily check for polls that closed by date. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class VotingConfiguration {

    @Bean
    NavigationItem pollsNavigationItem() {
        return NavigationItem.of("polls", "/polls", 60, "OWNER", "ACCOUNT_MANAGER", "STAFF");
    }
}
