package com.mspscorecard.clients;

import com.mspscorecard.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClientsNavigation {

    @Bean
    NavigationItem clientsNavigationItem() {
        return NavigationItem.of("clients", "/clients", 10, "OWNER", "ACCOUNT_MANAGER", "STAFF");
    }
}
