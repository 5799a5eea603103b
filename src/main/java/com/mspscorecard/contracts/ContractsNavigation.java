package com.mspscorecard.contracts;

import com.mspscorecard.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ContractsNavigation {

    @Bean
    NavigationItem deadlinesNavigationItem() {
        return NavigationItem.of("deadlines", "/deadlines", 55, "OWNER", "ACCOUNT_MANAGER");
    }
}
