package com.mspscorecard.audit;

import com.mspscorecard.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    NavigationItem auditNavigationItem() {
        return NavigationItem.of("audit", "/audit", 95, "OWNER");
    }
}
