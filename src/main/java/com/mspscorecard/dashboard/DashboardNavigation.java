package com.mspscorecard.dashboard;

import com.mspscorecard.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DashboardNavigation {

    @Bean
    NavigationItem scorecardsNavigation() {
        return NavigationItem.of("scorecards", "/scorecards", 15, "OWNER", "ACCOUNT_MANAGER");
    }

    @Bean
    NavigationItem paretoNavigation() {
        return NavigationItem.of("pareto", "/pareto", 50, "OWNER", "ACCOUNT_MANAGER");
    }
}
