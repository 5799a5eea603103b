package com.mspscorecard.users;

import java.io.IOException;
import java.util.LinkedHashMap;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two filter chains: the JSON API (stateless, HTTP Basic, problem+json errors) and the
 * browser pages (form login, CSRF, sessions). Both deny by default; finer role rules sit on
 * the controllers with {@code @PreAuthorize} and are checked by the role-matrix test.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** No inline script or style anywhere: pages load their scripts from our own origin. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static final Log log = LogFactory.getLog(SecurityConfiguration.class);

    /** How long an API client is asked to wait when the database cannot be reached. */
    static final String RETRY_AFTER_SECONDS = "30";

    /**
     * Spring Security would otherwise wrap each of its filters in an observation of its own, a
     * dozen per request, each allocating its key values: 5-8 % of a page view's CPU in the pages
     * benchmark (issue 18). The request as a whole is still observed by Spring MVC
     * ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return BcryptSha256PasswordEncoder.delegating();
    }

    /** The sign-in form's: each success is audited. */
    @Bean
    AuthenticationManager authenticationManager(UserService users, PasswordEncoder encoder, SignInThrottle throttle,
            SignInLog signIns) {
        return manager(users, encoder, throttle, signIns, true);
    }

    /**
     * Password checks behind the sign-in throttle. {@code interactive}: the form, whose successes
     * are audited; HTTP Basic on the API signs in on every call, so its successes are not.
     */
    static AuthenticationManager manager(UserService users, PasswordEncoder encoder, SignInThrottle throttle,
            SignInLog signIns, boolean interactive) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        // The provider above tells unknown users from wrong passwords for the log; callers still cannot.
        dao.setHideUserNotFoundExceptions(false);
        dao.setUserDetailsPasswordService((user, hash) -> {
            try {
                return users.updatePassword(user, hash);
            }
            catch (RuntimeException e) {
                // A hash upgrade is tried again at the next sign-in; it must not fail this one.
                log.warn("Could not upgrade the password hash of " + SignInLog.clean(user.getUsername()) + ": "
                        + e.getClass().getSimpleName());
                return user;
            }
        });
        ProviderManager manager = new ProviderManager(
                new ThrottledAuthenticationProvider(dao, throttle, signIns, interactive));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }


    /**
     * Sessions are Spring Session's, in PostgreSQL, so ending one (UserSessions) marks it expired
     * in the database and every instance sees it.
     */
    @Bean
    <S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    /** Spring Session's store, read once per request (see {@link SessionReads}). */
    @Bean
    static SessionReads sessionReads() {
        return new SessionReads();
    }

    /** Outside Spring Session's filter and the one below, so that every read of a request is inside. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionReadsScope(SessionReads reads) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(reads.scope());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 2);
        return registration;
    }

    /** Just outside Spring Session's filter, so that its reads and writes are covered too. */
    @Bean
    FilterRegistrationBean<SessionStoreUnavailable> sessionStoreUnavailable() {
        FilterRegistrationBean<SessionStoreUnavailable> registration = new FilterRegistrationBean<>(
                new SessionStoreUnavailable());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, UserService users, PasswordEncoder encoder, SignInThrottle throttle,
            SignInLog signIns, ApiTokenService tokens) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        AuthenticationManager authenticationManager = manager(users, encoder, throttle, signIns, false);
        http.securityMatcher("/api/**")
                .addFilterBefore(new BearerTokenFilter(tokens, problems::unauthorized),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .addFilterAfter(PasswordChangeFirst.forApi(problems),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(this::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authenticationManager,
            SessionRegistry sessionRegistry, UserService users) throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll()
                        .requestMatchers("/webjars/**", "/css/**", "/js/**", "/images/**").permitAll()
                        .requestMatchers("/login", "/setup", "/error", "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").failureHandler(signInFailure()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s
                        .sessionFixation(fixation -> fixation.changeSessionId())
                        .maximumSessions(-1)
                        .sessionRegistry(sessionRegistry)
                        .expiredUrl("/login?expired"))
                .addFilterBefore(new FirstRunFilter(users), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(PasswordChangeFirst.forPages(), AuthorizationFilter.class)
                .headers(this::headers);
        return http.build();
    }

    /**
     * A wrong password goes back to the sign-in page; an unreachable database is the
     * application's 503 page, so nobody is told their password is wrong when it is not.
     */
    private static AuthenticationFailureHandler signInFailure() {
        LinkedHashMap<Class<? extends AuthenticationException>, AuthenticationFailureHandler> byType = new LinkedHashMap<>();
        byType.put(AuthenticationServiceException.class, (request, response, e) -> {
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        });
        return new DelegatingAuthenticationFailureHandler(byType,
                new SimpleUrlAuthenticationFailureHandler("/login?error"));
    }

    private void headers(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny());
    }

    /** 401, 403 and 503 for the API as RFC 9457 problem details. */
    static final class ProblemResponses {

        void unauthorized(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
                org.springframework.security.core.AuthenticationException e) throws IOException {
            if (e instanceof AuthenticationServiceException) {
                response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
                write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable",
                        "The credentials could not be checked because the database cannot be reached. "
                                + "Nothing was counted against them; try again shortly.",
                        request.getRequestURI());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"MSP Scorecard\"");
            write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "Authentication is required: use HTTP Basic or a personal API token (Authorization: Bearer ...).",
                    request.getRequestURI());
        }

        void passwordChangeRequired(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "This account still has the initial password it was created with: sign in on the web page "
                            + "and choose your own password first. Personal API tokens are not affected.",
                    request.getRequestURI());
        }

        void forbidden(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
                org.springframework.security.access.AccessDeniedException e) throws IOException {
            write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "Your role does not allow this request.", request.getRequestURI());
        }

        private static void write(HttpServletResponse response, int status, String title, String detail,
                String instance) throws IOException {
            response.setStatus(status);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                    + ",\"detail\":\"" + detail + "\",\"instance\":\"" + jsonEscape(instance) + "\"}");
        }

        private static String jsonEscape(String s) {
            StringBuilder out = new StringBuilder();
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                }
                else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                }
                else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }
}
