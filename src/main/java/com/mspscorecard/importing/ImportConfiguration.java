package com.mspscorecard.importing;

import com.mspscorecard.web.NavigationItem;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    NavigationItem importNavigationItem() {
        return NavigationItem.of("imports", "/imports", 30, "OWNER", "ACCOUNT_MANAGER");
    }

    /** After Spring Security (order -100), so that only signed-in users with the right role get this far. */
    @Bean
    FilterRegistrationBean<UploadSizeFilter> importUploadSizeFilter() {
        FilterRegistrationBean<UploadSizeFilter> registration = new FilterRegistrationBean<>(new UploadSizeFilter());
        registration.addUrlPatterns("/imports", "/api/v1/imports");
        registration.setOrder(-90);
        return registration;
    }
}
