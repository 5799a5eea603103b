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

    /**
     * The page's uploads are measured before Spring Security (order -100): its CSRF check reads the
     * token from the multipart body, and a body over the multipart limit cannot be parsed, so the
     * container would answer with its own bare 413 page before the application could explain.
     * Redirecting an anonymous caller to the import page only leads to the sign-in page.
     */
    @Bean
    FilterRegistrationBean<UploadSizeFilter> importPageUploadSizeFilter() {
        FilterRegistrationBean<UploadSizeFilter> registration = new FilterRegistrationBean<>(new UploadSizeFilter());
        registration.addUrlPatterns("/imports");
        registration.setOrder(-110);
        return registration;
    }

    /** The raw PSA exports' page: 200 MB, spooled to disk, never held in the heap. */
    @Bean
    FilterRegistrationBean<UploadSizeFilter> psaPageUploadSizeFilter() {
        FilterRegistrationBean<UploadSizeFilter> registration = new FilterRegistrationBean<>(UploadSizeFilter.forRawExports());
        registration.addUrlPatterns("/imports/psa");
        registration.setOrder(-110);
        return registration;
    }

    /**
     * The API's, after Spring Security, so that only signed-in users with the right role get this far.
     * It takes raw exports too, so its limit is theirs; a snapshot CSV over 20 MB is refused once recognised.
     */
    @Bean
    FilterRegistrationBean<UploadSizeFilter> importApiUploadSizeFilter() {
        FilterRegistrationBean<UploadSizeFilter> registration = new FilterRegistrationBean<>(UploadSizeFilter.forRawExports());
        registration.addUrlPatterns("/api/v1/imports");
        registration.setOrder(-90);
        return registration;
    }
}
