package com.mspscorecard.users;

import java.util.ArrayList;
import java.util.List;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Which client address the application sees, and so what sign-in throttling counts. By default
 * the connection's own address, and {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are
 * ignored: anybody can send them. Only when {@code scorecard.trusted-proxies}
 * ({@code SCORECARD_TRUSTED_PROXIES}) lists the reverse proxies (addresses or CIDR networks,
 * comma-separated) does Tomcat's {@link RemoteIpValve} take the client from those headers, and
 * then only from a request a listed proxy sent, walking {@code X-Forwarded-For} from the right
 * and skipping listed proxies, so a value the client wrote itself never counts. This replaces
 * {@code server.forward-headers-strategy=native}, which trusts every private address.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    private final List<String> networks;

    TrustedProxies(@Value("${scorecard.trusted-proxies:}") String trustedProxies) {
        this.networks = cidrs(trustedProxies);
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        if (networks.isEmpty()) {
            return;
        }
        RemoteIpValve valve = new RemoteIpValve();
        // Tomcat reads a value containing '/' as a list of CIDR networks rather than a regex.
        valve.setInternalProxies(String.join(",", networks));
        valve.setTrustedProxies("");
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        factory.addEngineValves(valve);
    }

    /** {@code 10.0.0.5, 192.168.0.0/16, ::1} becomes {@code 10.0.0.5/32, 192.168.0.0/16, ::1/128}. */
    static List<String> cidrs(String setting) {
        List<String> out = new ArrayList<>();
        if (setting == null) {
            return out;
        }
        for (String part : setting.split(",")) {
            String entry = part.trim();
            if (entry.isEmpty()) {
                continue;
            }
            if (!entry.matches("[0-9A-Fa-f:.]+(/[0-9]{1,3})?")) {
                throw new IllegalArgumentException("scorecard.trusted-proxies: '" + entry
                        + "' is not an IP address or CIDR network (e.g. 10.0.0.5 or 10.0.0.0/24)");
            }
            out.add(entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32"));
        }
        return out;
    }
}
