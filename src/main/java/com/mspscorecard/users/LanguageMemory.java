package com.mspscorecard.users;

import java.security.Principal;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The language a signed-in user picks in the navbar ({@code ?lang=it}) is kept with the user, so
 * that the digest and alerts, written while they are away, come in it (issue 17).
 */
@Configuration(proxyBeanMethods = false)
class LanguageMemory implements WebMvcConfigurer {

    private final UserService users;

    LanguageMemory(UserService users) {
        this.users = users;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String lang = request.getParameter("lang");
                Principal principal = request.getUserPrincipal();
                if (principal != null && ("en".equals(lang) || "it".equals(lang))) {
                    users.rememberLanguage(principal.getName(), Locale.forLanguageTag(lang));
                }
                return true;
            }
        });
    }
}
