package com.mspscorecard.users;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One read of a session per request instead of three. Spring Session's filter reads the request's
 * session, Spring Security's session registry reads it again to see whether it was ended elsewhere
 * ({@link UserSessions}), and Spring Session reads it a third time after saving it, to compare ids:
 * three transactions and three deserialisations per page view (the pages benchmark, issue 18).
 *
 * <p>Within one request, the second and third reads are answered with the session the first one
 * read, which this very request has been updating; a session ended by another instance meanwhile is
 * seen by the next request, as it would be a millisecond later anyway. Outside a request (sign-outs by
 * the owner, the clean-up) every read goes to the store. Spring Boot configures the store only when
 * no other exists, so it is wrapped where it is made (a proxy of the same class) rather than replaced.
 */
final class SessionReads implements BeanPostProcessor, MethodInterceptor {

    /** The session read in the current request; no holder outside {@link #scope()}. */
    private final ThreadLocal<Session[]> current = new ThreadLocal<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof JdbcIndexedSessionRepository)) {
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice(this);
        return proxy.getProxy(bean.getClass().getClassLoader());
    }

    @Override
    public Object invoke(MethodInvocation call) throws Throwable {
        Session[] read = current.get();
        if (read == null) {
            return call.proceed();
        }
        String method = call.getMethod().getName();
        if (method.equals("findById")) {
            Session session = read[0];
            if (session != null && session.getId().equals(call.getArguments()[0]) && !session.isExpired()) {
                return session;
            }
            Object found = call.proceed();
            read[0] = (Session) found;
            return found;
        }
        if (method.equals("deleteById")) {
            read[0] = null;
        }
        return call.proceed();
    }

    /** Opens the per-request scope; registered outside Spring Session's own filter. */
    OncePerRequestFilter scope() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                current.set(new Session[1]);
                try {
                    chain.doFilter(request, response);
                }
                finally {
                    current.remove();
                }
            }
        };
    }
}
