package com.mspscorecard.incidents;

import com.mspscorecard.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IncidentsNavigation {

    @Bean
    NavigationItem incidentsNavigationItem() {
        return NavigationItem.of("incidents", "/incidents", 40, "OWNER", "ACCOUNT_MANAGER", "STAFF");
    }
}
