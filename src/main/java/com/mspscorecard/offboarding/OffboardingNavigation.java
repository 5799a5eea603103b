package com.mspscorecard.offboarding;

import com.mspscorecard.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OffboardingNavigation {

    @Bean
    NavigationItem offboardingNavigationItem() {
        return NavigationItem.of("offboarding", "/offboarding", 56, "OWNER", "ACCOUNT_MANAGER");
    }

    /** Staff see nothing of offboarding but the tasks assigned to them. */
    @Bean
    NavigationItem offboardingTasksNavigationItem() {
        return NavigationItem.of("offboardingTasks", "/offboarding/tasks", 56, "STAFF");
    }
}
