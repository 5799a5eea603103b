package com.mspscorecard.users;

import com.mspscorecard.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UsersNavigation {

    @Bean
    NavigationItem usersNavigationItem() {
        return NavigationItem.of("users", "/users", 90, "OWNER");
    }
}
