package com.mspscorecard.metrics;

import com.mspscorecard.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MetricsNavigation {

    @Bean
    NavigationItem metricsEntryNavigationItem() {
        return NavigationItem.of("metricsEntry", "/metrics/entry", 20, "OWNER", "ACCOUNT_MANAGER");
    }
}
